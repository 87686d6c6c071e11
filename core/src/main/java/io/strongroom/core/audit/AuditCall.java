package io.strongroom.core.audit;

import java.time.Instant;

/**
 * What the gateway knows about one API call once it has answered it: who, what, on which resource,
 * how it ended. Never a secret value, a key, a signature or a request body.
 *
 * @param accessKeyId the access key the request claimed (also when it was not recognised); null if none
 * @param principalArn the authenticated principal; null when authentication failed
 * @param account the caller's account, {@code "-"} when unauthenticated
 * @param action the operation name (X-Amz-Target without its prefix), {@code "-"} when unknown
 * @param resource the resolved secret's ARN when the answer named one, else the SecretId requested; may be null
 * @param errorCode the AWS error code ({@code __type}); null on success
 */
public record AuditCall(
        Instant time,
        String requestId,
        String action,
        String account,
        String accessKeyId,
        String principalArn,
        String resource,
        AuditOutcome outcome,
        String errorCode,
        int httpStatus,
        String sourceAddress) {}
