package io.strongroom.core.policy;

import java.util.List;
import java.util.Locale;

/**
 * One key test of a Condition block, e.g. {@code "StringEquals": {"aws:PrincipalAccount": ["1", "2"]}}
 * gives {@code Condition(StringEquals, "aws:principalaccount", ["1","2"])}. Keys are case-insensitive
 * in IAM, so they are kept lower-cased.
 */
public record Condition(ConditionOperator operator, String key, List<String> values) {
    public Condition {
        key = key.toLowerCase(Locale.ROOT);
        values = List.copyOf(values);
    }

    boolean holds(RequestContext context) {
        return operator.holds(context.values(key), values);
    }
}
