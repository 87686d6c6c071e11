package io.strongroom.core.aggregate;

import io.strongroom.core.command.PutResourcePolicy;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.ResourcePolicyDeleted;
import io.strongroom.core.event.ResourcePolicyPut;
import io.strongroom.core.policy.ParsedPolicy;
import io.strongroom.core.policy.PolicyParser;
import io.strongroom.core.policy.PublicAccess;
import io.strongroom.core.secret.SecretState;
import java.util.List;

/**
 * The decisions on a secret's resource policy. A policy is checked here, against the same parser
 * that later evaluates it, so the event log never holds a policy that cannot be evaluated.
 */
final class ResourcePolicyRules {
    private ResourcePolicyRules() {}

    static Decision put(PutResourcePolicy put, SecretState state) {
        if (state.isScheduledForDeletion()) {
            return reject(AwsErrorCode.INVALID_REQUEST, SecretAggregate.MARKED_FOR_DELETION);
        }
        ParsedPolicy parsed = PolicyParser.resourcePolicy(put.resourcePolicy());
        if (!parsed.valid()) {
            return reject(AwsErrorCode.MALFORMED_POLICY_DOCUMENT, parsed.problems().get(0));
        }
        if (put.blockPublicPolicy() && PublicAccess.grantsBroadAccess(parsed.document())) {
            return reject(AwsErrorCode.PUBLIC_POLICY, PublicAccess.MESSAGE);
        }
        return new Decision.Accept(List.of(new ResourcePolicyPut(put.resourcePolicy())), List.of());
    }

    static Decision delete(SecretState state) {
        if (state.isScheduledForDeletion()) {
            return reject(AwsErrorCode.INVALID_REQUEST, SecretAggregate.MARKED_FOR_DELETION);
        }
        if (state.resourcePolicy() == null) {
            return new Decision.Accept(List.of(), List.of());
        }
        return new Decision.Accept(List.of(new ResourcePolicyDeleted()), List.of());
    }

    private static Decision reject(AwsErrorCode code, String message) {
        return new Decision.Reject(code.reject(message));
    }
}
