package io.strongroom.core.policy;

/**
 * IAM's wildcard match: {@code *} is any run of characters (also none), {@code ?} exactly one. No
 * other character is special. Iterative with backtracking to the last star, so a pattern cannot
 * blow up the way a regular expression built from user text could.
 */
public final class Wildcard {
    private Wildcard() {}

    public static boolean matches(String pattern, String value, boolean ignoreCase) {
        // the shapes policies mostly use ("*", "secretsmanager:*", an exact ARN) without the general loop
        int star = pattern.indexOf('*');
        if (pattern.indexOf('?') < 0 && (star < 0 || star == pattern.length() - 1)) {
            return star < 0
                    ? value.length() == pattern.length() && value.regionMatches(ignoreCase, 0, pattern, 0, pattern.length())
                    : value.regionMatches(ignoreCase, 0, pattern, 0, star);
        }
        return backtracking(pattern, value, ignoreCase);
    }

    private static boolean backtracking(String pattern, String value, boolean ignoreCase) {
        int p = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), value.charAt(v), ignoreCase))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
