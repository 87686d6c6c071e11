package io.strongroom.core.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A condition operator as written: a base test, optionally {@code ...IfExists}, optionally
 * qualified {@code ForAnyValue:} / {@code ForAllValues:}. IAM's rules for a key the request does
 * not carry: false, except for negated tests (StringNotEquals, NotIpAddress, ...) and IfExists,
 * which are true; ForAllValues is true over no values, ForAnyValue false.
 */
public record ConditionOperator(String name, ConditionTest test, boolean ifExists, SetQualifier qualifier) {

    public enum SetQualifier {
        NONE,
        FOR_ANY_VALUE,
        FOR_ALL_VALUES
    }

    /** Parses an operator name; empty when it is not one IAM knows (or Strongroom supports). */
    public static Optional<ConditionOperator> parse(String name) {
        String rest = name;
        SetQualifier qualifier = SetQualifier.NONE;
        if (rest.startsWith("ForAnyValue:")) {
            qualifier = SetQualifier.FOR_ANY_VALUE;
            rest = rest.substring("ForAnyValue:".length());
        } else if (rest.startsWith("ForAllValues:")) {
            qualifier = SetQualifier.FOR_ALL_VALUES;
            rest = rest.substring("ForAllValues:".length());
        }
        boolean ifExists = rest.endsWith("IfExists") && !rest.equals("IfExists");
        if (ifExists) {
            rest = rest.substring(0, rest.length() - "IfExists".length());
        }
        Optional<ConditionTest> test = ConditionTest.named(rest);
        if (test.isEmpty() || ifExists && test.get() == ConditionTest.NULL) {
            return Optional.empty();
        }
        return Optional.of(new ConditionOperator(name, test.get(), ifExists, qualifier));
    }

    boolean holds(List<String> requestValues, List<String> policyValues) {
        if (test == ConditionTest.NULL) {
            boolean wantsAbsent = policyValues.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals("true"));
            return requestValues.isEmpty() == wantsAbsent;
        }
        if (requestValues.isEmpty()) {
            if (qualifier == SetQualifier.FOR_ALL_VALUES) {
                return true;
            }
            return ifExists || qualifier == SetQualifier.NONE && test.negated();
        }
        if (qualifier == SetQualifier.FOR_ALL_VALUES) {
            return requestValues.stream().allMatch(value -> test.holds(value, policyValues));
        }
        return requestValues.stream().anyMatch(value -> test.holds(value, policyValues));
    }
}
