package io.strongroom.core.policy;

import java.util.List;

/** A parsed IAM policy: identity-based (no Principal) or resource-based (every statement has one). */
public record PolicyDocument(String version, List<Statement> statements) {
    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** Whether any statement has a Condition: only then does evaluation look at a request's condition keys. */
    public boolean hasConditions() {
        for (Statement statement : statements) {
            if (!statement.conditions().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
