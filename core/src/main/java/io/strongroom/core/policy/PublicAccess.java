package io.strongroom.core.policy;

import java.util.Set;

/**
 * Whether a resource policy grants broad access (what BlockPublicPolicy refuses): an Allow to
 * every principal ({@code "*"}, {@code {"AWS": "*"}}, or NotPrincipal) that no condition narrows to
 * known accounts, organizations, principals or network sources. A narrowing condition is a
 * positive test (not negated, not IfExists) of such a key against values that are not wildcards.
 */
public final class PublicAccess {
    public static final String MESSAGE =
            "The BlockPublicPolicy parameter is set to true, and the resource policy did not prevent broad access to the secret.";
    public static final String BROAD_ACCESS =
            "The resource policy grants access to a wide range of principals; restrict Principal or add a condition on their account or organization.";
    private static final Set<String> NARROWING_KEYS = Set.of("aws:principalaccount", "aws:principalorgid",
            "aws:principalorgpaths", "aws:principalarn", "aws:sourceaccount", "aws:sourcearn", "aws:sourcevpc",
            "aws:sourcevpce", "aws:sourceowner", "aws:userid", "aws:sourceip");

    private PublicAccess() {}

    public static boolean grantsBroadAccess(PolicyDocument policy) {
        return policy.statements().stream().anyMatch(PublicAccess::isBroadAllow);
    }

    private static boolean isBroadAllow(Statement statement) {
        if (statement.effect() != Effect.ALLOW || statement.principals() == null) {
            return false;
        }
        boolean everyone = statement.notPrincipal() || statement.principals().anyone()
                || statement.principals().aws().contains("*");
        return everyone && statement.conditions().stream().noneMatch(PublicAccess::narrows);
    }

    private static boolean narrows(Condition condition) {
        ConditionOperator operator = condition.operator();
        if (!NARROWING_KEYS.contains(condition.key()) || operator.ifExists() || operator.test().negated()
                || operator.test() == ConditionTest.NULL
                || operator.qualifier() == ConditionOperator.SetQualifier.FOR_ALL_VALUES) {
            return false;
        }
        if (operator.test() == ConditionTest.IP_ADDRESS) {
            return condition.values().stream().noneMatch(v -> v.endsWith("/0"));
        }
        return condition.values().stream().noneMatch(v -> v.isEmpty() || v.chars().allMatch(c -> c == '*' || c == '?'));
    }
}
