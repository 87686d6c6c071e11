package io.strongroom.core.policy;

import java.util.List;

/**
 * One statement. A null {@code principals} means the statement names none (identity policies);
 * the {@code not*} flags say the element was NotPrincipal / NotAction / NotResource.
 */
public record Statement(
        String sid,
        Effect effect,
        Principals principals,
        boolean notPrincipal,
        List<String> actions,
        boolean notAction,
        List<String> resources,
        boolean notResource,
        List<Condition> conditions) {

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** Action names are case-insensitive in IAM. */
    boolean coversAction(String action) {
        boolean listed = actions.stream().anyMatch(pattern -> Wildcard.matches(pattern, action, true));
        return listed != notAction;
    }

    /** ARNs are matched case-sensitively. */
    boolean coversResource(String resource) {
        boolean listed = resources.stream().anyMatch(pattern -> Wildcard.matches(pattern, resource, false));
        return listed != notResource;
    }
}
