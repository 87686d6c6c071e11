package io.strongroom.gateway.auth;

/**
 * Who made a request, once its signature is verified.
 *
 * @param accessKeyId the access key the request was signed with
 * @param identityPolicy the identity's policy document (JSON text); null for the default policy
 */
public record Caller(String accountId, String principalArn, String accessKeyId, String identityPolicy) {}
