package io.strongroom.core.policy;

import java.util.List;

/** A parsed IAM policy: identity-based (no Principal) or resource-based (every statement has one). */
public record PolicyDocument(String version, List<Statement> statements) {
    public PolicyDocument {
        statements = List.copyOf(statements);
    }
}
