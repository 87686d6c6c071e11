package io.strongroom.gateway.auth;

/**
 * Who made a request, once authenticated.
 *
 * @param accessKeyId the access key the request was signed with; null when dev mode let an
 *     unsigned request in under the default account
 */
public record Caller(String accountId, String principalArn, String accessKeyId) {}
