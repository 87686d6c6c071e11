package io.strongroom.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How Secrets Manager's word search cuts text into words: only letters and digits count (space,
 * {@code / _ = # . -} and every other character separate words), and a word also ends where the
 * text changes from lower to upper case, between letters and digits, and before the last capital of
 * a capital run followed by lower case ({@code credsDatabase#892} → {@code creds, database, 892};
 * {@code HTTPServer} → {@code http, server}). Words come back in lower case: the search ignores case.
 */
public final class SearchWords {
    private SearchWords() {}

    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            if (word.length() > 0 && boundaryBefore(text, i)) {
                flush(word, words);
            }
            word.append(c);
        }
        flush(word, words);
        return words;
    }

    private static boolean boundaryBefore(String text, int i) {
        char previous = text.charAt(i - 1);
        char c = text.charAt(i);
        if (Character.isDigit(previous) != Character.isDigit(c)) {
            return true;
        }
        if (Character.isLowerCase(previous) && Character.isUpperCase(c)) {
            return true;
        }
        // "HTTPServer": the S starts a new word because lower case follows it
        return Character.isUpperCase(previous) && Character.isUpperCase(c) && i + 1 < text.length()
                && Character.isLowerCase(text.charAt(i + 1));
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
