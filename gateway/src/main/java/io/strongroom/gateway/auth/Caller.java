package io.strongroom.gateway.auth;

/**
 * Who made a request, once its signature is verified.
 *
 * @param accessKeyId the access key the request was signed with
 * @param identityPolicy the identity's IAM policy as JSON text; null means the default (every
 *     Secrets Manager action on the identity's own account)
 */
public record Caller(String accountId, String principalArn, String accessKeyId, String identityPolicy) {}
