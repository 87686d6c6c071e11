package io.strongroom.gateway.auth;

/** Establishes who sent a request: {@link SigV4Authenticator} verifies its AWS Signature Version 4. */
public interface Authenticator {

    /**
     * @throws io.strongroom.core.error.RejectedException with the AWS error to answer (e.g.
     *     UnrecognizedClientException) when the request is not authenticated
     */
    Caller authenticate(SignedRequest request);
}
