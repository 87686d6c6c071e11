package io.strongroom.core.policy;

/**
 * The outcome of authorizing one request, with the reason IAM names in its AccessDenied message.
 */
public enum AccessDecision {
    ALLOWED(null),
    EXPLICIT_DENY_IN_IDENTITY_POLICY("with an explicit deny in an identity-based policy"),
    EXPLICIT_DENY_IN_RESOURCE_POLICY("with an explicit deny in a resource-based policy"),
    NO_IDENTITY_POLICY_ALLOWS("because no identity-based policy allows the %s action"),
    NO_RESOURCE_POLICY_ALLOWS("because no resource-based policy allows the %s action");

    private final String reason;

    AccessDecision(String reason) {
        this.reason = reason;
    }

    public boolean allowed() {
        return this == ALLOWED;
    }

    /** AWS's AccessDeniedException message for this decision. */
    public String message(String principalArn, String action, String resource) {
        return "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource
                + " " + reason.formatted(action);
    }
}
