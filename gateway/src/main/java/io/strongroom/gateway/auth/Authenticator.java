package io.strongroom.gateway.auth;

/**
 * Establishes who sent a request. Today {@link AccessKeyAuthenticator} trusts the access key id
 * named in the Authorization header; SigV4 verification replaces it behind this interface.
 */
public interface Authenticator {

    /**
     * @throws io.strongroom.core.error.RejectedException with the AWS error to answer (e.g.
     *     UnrecognizedClientException) when the request is not authenticated
     */
    Caller authenticate(SignedRequest request);
}
