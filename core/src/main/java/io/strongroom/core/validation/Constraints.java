package io.strongroom.core.validation;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects violations of the API model's constraints and reports them the way AWS's request
 * validation does: one {@code ValidationException} listing every violation, e.g.
 * {@code 1 validation error detected: Value 'x' at 'name' failed to satisfy constraint: Member must
 * have length greater than or equal to 1}.
 *
 * <p>Members are named as AWS names them in these messages (lower camel case, list elements as
 * {@code tags.1.member.key}). A sensitive member (a secret value) is reported without its value;
 * a null argument means the member is absent and is only checked by {@link #required}.
 */
public final class Constraints {
    private final List<String> violations = new ArrayList<>();

    public Constraints required(String member, Object value) {
        if (value == null) {
            violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    /** A string's length in characters; the value is echoed in the message. */
    public Constraints length(String member, String value, int min, int max) {
        if (value != null) {
            check("Value '" + value + "' at '" + member + "'", value.length(), min, max, "length");
        }
        return this;
    }

    /** A secret value's length (bytes); the value itself never appears in the message. */
    public Constraints sensitiveLength(String member, Integer length, int min, int max) {
        if (length != null) {
            check("Value at '" + member + "'", length, min, max, "length");
        }
        return this;
    }

    /** The number of items of a list. */
    public Constraints size(String member, List<?> items, int min, int max) {
        if (items != null) {
            check("Value '" + items + "' at '" + member + "'", items.size(), min, max, "length");
        }
        return this;
    }

    /** A number's value. */
    public Constraints range(String member, Long value, long min, long max) {
        if (value != null) {
            check("Value '" + value + "' at '" + member + "'", value, min, max, "value");
        }
        return this;
    }

    public Constraints oneOf(String member, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            violations.add("Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    /** A string that must match a regular expression (given as AWS states it, anchors included). */
    public Constraints pattern(String member, String value, String regex) {
        if (value != null && !java.util.regex.Pattern.compile(regex).matcher(value).matches()) {
            violations.add("Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + regex);
        }
        return this;
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    /** The ValidationException for everything collected, or empty if the request is valid. */
    public Optional<Rejection> rejection() {
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        int n = violations.size();
        String head = n + " validation error" + (n == 1 ? "" : "s") + " detected: ";
        return Optional.of(AwsErrorCode.VALIDATION.reject(head + String.join("; ", violations)));
    }

    private void check(String subject, long actual, long min, long max, String what) {
        if (actual < min) {
            violations.add(subject + " failed to satisfy constraint: Member must have " + what
                    + " greater than or equal to " + min);
        } else if (actual > max) {
            violations.add(subject + " failed to satisfy constraint: Member must have " + what
                    + " less than or equal to " + max);
        }
    }
}
