package io.strongroom.core.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The base condition tests. A positive test holds when the request value matches any of the
 * policy's values; a negated one when it matches none of them. A value that cannot be read as the
 * test's type (a number, a date, an address) matches nothing.
 */
public enum ConditionTest {
    STRING_EQUALS("StringEquals", false, String::equals),
    STRING_NOT_EQUALS("StringNotEquals", true, String::equals),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false, String::equalsIgnoreCase),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true, String::equalsIgnoreCase),
    STRING_LIKE("StringLike", false, (value, pattern) -> Wildcard.matches(pattern, value, false)),
    STRING_NOT_LIKE("StringNotLike", true, (value, pattern) -> Wildcard.matches(pattern, value, false)),
    NUMERIC_EQUALS("NumericEquals", false, (v, p) -> compare(number(v), number(p)) == 0),
    NUMERIC_NOT_EQUALS("NumericNotEquals", true, (v, p) -> compare(number(v), number(p)) == 0),
    NUMERIC_LESS_THAN("NumericLessThan", false, (v, p) -> negative(compare(number(v), number(p)))),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false, (v, p) -> within(compare(number(v), number(p)), 0)),
    NUMERIC_GREATER_THAN("NumericGreaterThan", false, (v, p) -> positive(compare(number(v), number(p)))),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false, (v, p) -> atLeast(compare(number(v), number(p)))),
    DATE_EQUALS("DateEquals", false, (v, p) -> compare(date(v), date(p)) == 0),
    DATE_NOT_EQUALS("DateNotEquals", true, (v, p) -> compare(date(v), date(p)) == 0),
    DATE_LESS_THAN("DateLessThan", false, (v, p) -> negative(compare(date(v), date(p)))),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", false, (v, p) -> within(compare(date(v), date(p)), 0)),
    DATE_GREATER_THAN("DateGreaterThan", false, (v, p) -> positive(compare(date(v), date(p)))),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false, (v, p) -> atLeast(compare(date(v), date(p)))),
    BOOL("Bool", false, (v, p) -> v.toLowerCase(Locale.ROOT).equals(p.toLowerCase(Locale.ROOT))),
    IP_ADDRESS("IpAddress", false, (v, p) -> Cidr.contains(p, v)),
    NOT_IP_ADDRESS("NotIpAddress", true, (v, p) -> Cidr.contains(p, v)),
    ARN_EQUALS("ArnEquals", false, ConditionTest::arnLike),
    ARN_NOT_EQUALS("ArnNotEquals", true, ConditionTest::arnLike),
    ARN_LIKE("ArnLike", false, ConditionTest::arnLike),
    ARN_NOT_LIKE("ArnNotLike", true, ConditionTest::arnLike),
    NULL("Null", false, (v, p) -> false);

    /** Result of a comparison that could not be made: matches no ordering. */
    private static final int INCOMPARABLE = Integer.MIN_VALUE;

    private final String wireName;
    private final boolean negated;
    private final BiPredicate<String, String> matchesOne;

    ConditionTest(String wireName, boolean negated, BiPredicate<String, String> matchesOne) {
        this.wireName = wireName;
        this.negated = negated;
        this.matchesOne = matchesOne;
    }

    public boolean negated() {
        return negated;
    }

    static Optional<ConditionTest> named(String name) {
        for (ConditionTest test : values()) {
            if (test.wireName.equals(name)) {
                return Optional.of(test);
            }
        }
        return Optional.empty();
    }

    boolean holds(String requestValue, List<String> policyValues) {
        boolean any = policyValues.stream().anyMatch(p -> matchesOne.test(requestValue, p));
        return any != negated;
    }

    /** ArnEquals and ArnLike both match each of the six colon-separated parts with wildcards. */
    private static boolean arnLike(String value, String pattern) {
        String[] v = value.split(":", 6);
        String[] p = pattern.split(":", 6);
        if (v.length != 6 || p.length != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (!Wildcard.matches(p[i], v[i], false)) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ISO-8601 (with or without offset) or epoch seconds, as IAM accepts. */
    private static Instant date(String text) {
        String t = text.trim();
        try {
            if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(t));
            }
            return t.endsWith("Z") ? Instant.parse(t) : OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static <T extends Comparable<T>> int compare(T a, T b) {
        return a == null || b == null ? INCOMPARABLE : Integer.signum(a.compareTo(b));
    }

    private static boolean within(int comparison, int bound) {
        return comparison != INCOMPARABLE && comparison <= bound;
    }

    private static boolean negative(int comparison) {
        return comparison != INCOMPARABLE && comparison < 0;
    }

    private static boolean positive(int comparison) {
        return comparison != INCOMPARABLE && comparison > 0;
    }

    private static boolean atLeast(int comparison) {
        return comparison != INCOMPARABLE && comparison >= 0;
    }
}
