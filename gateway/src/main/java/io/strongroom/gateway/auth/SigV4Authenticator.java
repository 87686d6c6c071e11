package io.strongroom.gateway.auth;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.gateway.auth.sigv4.CanonicalRequest;
import io.strongroom.gateway.auth.sigv4.SigV4;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Verifies AWS Signature Version 4, in the Authorization header or presigned in the query string,
 * for service {@code secretsmanager} in this gateway's region, against the configured identities.
 * The checks, each with AWS's error: a signature at all (MissingAuthenticationTokenException), its
 * parts (IncompleteSignatureException), the credential scope and the time (InvalidSignatureException),
 * the access key (UnrecognizedClientException), then the signature itself, compared in constant time
 * (InvalidSignatureException). No anonymous mode.
 */
public final class SigV4Authenticator implements Authenticator {
    public static final String SERVICE = "secretsmanager";
    static final String MISSING = "Missing Authentication Token";
    static final String UNRECOGNIZED = "The security token included in the request is invalid.";
    static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private final AccessKeyAccounts identities;
    private final String region;
    private final Clock clock;
    private final SigningKeyCache keys = new SigningKeyCache();

    public SigV4Authenticator(AccessKeyAccounts identities, String region, Clock clock) {
        this.identities = identities;
        this.region = region;
        this.clock = clock;
    }

    @Override
    public Caller authenticate(SignedRequest request) {
        SignatureParts parts = parts(request);
        Instant signedAt = RequestTime.parse(parts);
        String amzDate = SigV4.amzDate(signedAt);
        checkScope(parts.credential(), amzDate);
        RequestTime.check(signedAt, clock.instant(), parts.expiresSeconds());
        if (!parts.signedHeaders().contains("host")) {
            throw invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        AccessKeyAccounts.Identity identity = identities.find(parts.credential().accessKeyId())
                .orElseThrow(() -> new RejectedException(AwsErrorCode.UNRECOGNIZED_CLIENT, UNRECOGNIZED));
        byte[] signingKey = keys.signingKey(identity, parts.credential().date(), region, SERVICE);
        if (!matches(request, parts, signingKey, amzDate)) {
            throw invalid(MISMATCH);
        }
        return identity.caller();
    }

    private static SignatureParts parts(SignedRequest request) {
        String header = request.header("authorization");
        Map<String, String> query = PresignedQuery.parameters(request.query());
        boolean presigned = PresignedQuery.present(query);
        if (header != null && presigned) {
            throw new RejectedException(AwsErrorCode.INCOMPLETE_SIGNATURE, "Only one auth mechanism allowed; only the "
                    + "X-Amz-Algorithm query parameter or the Authorization header should be specified.");
        }
        if (header != null) {
            return AuthorizationHeader.parse(header, request.header("x-amz-date"), request.header("date"));
        }
        if (presigned) {
            return PresignedQuery.parse(query);
        }
        throw new RejectedException(AwsErrorCode.MISSING_AUTHENTICATION_TOKEN, MISSING);
    }

    private void checkScope(SignatureParts.Credential credential, String amzDate) {
        if (!credential.terminator().equals(SigV4.TERMINATOR)) {
            throw invalid("Credential should be scoped with a valid terminator: '" + SigV4.TERMINATOR + "', not '"
                    + credential.terminator() + "'.");
        }
        if (!credential.region().equals(region)) {
            throw invalid("Credential should be scoped to a valid region, not '" + credential.region() + "'. ");
        }
        if (!credential.service().equals(SERVICE)) {
            throw invalid("Credential should be scoped to correct service: '" + SERVICE + "'. ");
        }
        if (credential.date().length() != 8 || !amzDate.startsWith(credential.date())) {
            throw invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + credential.date() + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
    }

    /**
     * The payload hash is the body's, or UNSIGNED-PAYLOAD when the client says so in
     * x-amz-content-sha256 (the SDKs do over TLS), or, presigned, when it signed without a body.
     */
    private static boolean matches(SignedRequest request, SignatureParts parts, byte[] signingKey, String amzDate) {
        String declared = request.header("x-amz-content-sha256");
        String payloadHash = SigV4.UNSIGNED_PAYLOAD.equals(declared) ? declared : SigV4.sha256Hex(request.body());
        if (matches(request, parts, signingKey, amzDate, payloadHash)) {
            return true;
        }
        return parts.presigned() && declared == null
                && matches(request, parts, signingKey, amzDate, SigV4.UNSIGNED_PAYLOAD);
    }

    private static boolean matches(SignedRequest request, SignatureParts parts, byte[] signingKey, String amzDate,
            String payloadHash) {
        String canonical = CanonicalRequest.of(request.method(), request.path(), request.query(),
                parts.excludedQueryParameter(), request.headers(), parts.signedHeaders(), payloadHash);
        String scope = SigV4.scope(parts.credential().date(), parts.credential().region(), parts.credential().service());
        String expected = SigV4.signature(signingKey, SigV4.stringToSign(amzDate, scope, canonical));
        return SigV4.sameSignature(expected, parts.signature());
    }

    private static RejectedException invalid(String message) {
        return new RejectedException(AwsErrorCode.INVALID_SIGNATURE, message);
    }
}
