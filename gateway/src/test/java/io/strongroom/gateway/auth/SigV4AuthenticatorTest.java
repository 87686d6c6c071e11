package io.strongroom.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.gateway.auth.sigv4.RequestSigner;
import io.strongroom.gateway.auth.sigv4.SigV4;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Verification of signed requests, each failure with AWS's error code and text, at a fixed "now". */
class SigV4AuthenticatorTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String KEY = "AKIDKNOWN";
    private static final String SECRET = "known-secret";
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    private static final String BODY = "{\"SecretId\":\"db\"}";
    private static final AccessKeyAccounts IDENTITIES = AccessKeyAccounts.builder()
            .add(new AccessKeyAccounts.Identity(KEY, SECRET, "111122223333", "arn:aws:iam::111122223333:user/app", POLICY))
            .build();
    private final SigV4Authenticator authenticator =
            new SigV4Authenticator(IDENTITIES, "us-east-1", Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, List<String>> headers(Instant at) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("127.0.0.1:7070"));
        headers.put("content-type", List.of("application/x-amz-json-1.1"));
        headers.put("x-amz-target", List.of("secretsmanager.GetSecretValue"));
        headers.put("x-amz-date", List.of(SigV4.amzDate(at)));
        return headers;
    }

    /** A request signed by {@code signer} at {@code at}, as the gateway receives it. */
    private static SignedRequest signed(RequestSigner signer, Instant at, String body) {
        Map<String, List<String>> headers = new HashMap<>(headers(at));
        headers.put("authorization", List.of(signer.authorization("POST", "/", null, headers(at),
                SigV4.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8)), at)));
        return new SignedRequest("POST", "/", null, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static SignedRequest signed(RequestSigner signer) {
        return signed(signer, NOW, BODY);
    }

    private static RequestSigner signer(String key, String secret, String region, String service) {
        return new RequestSigner(key, secret, region, service);
    }

    private static final RequestSigner GOOD = signer(KEY, SECRET, "us-east-1", "secretsmanager");

    private static void assertRejected(ThrowingCallable call, AwsErrorCode code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.rejection().code()).isEqualTo(code);
            assertThat(e.rejection().message()).isEqualTo(message);
        });
    }

    @Test
    void aCorrectlySignedRequestIsTheIdentitysCallerWithItsPolicy() {
        assertThat(authenticator.authenticate(signed(GOOD))).isEqualTo(
                new Caller("111122223333", "arn:aws:iam::111122223333:user/app", KEY, POLICY));
    }

    @Test
    void aWrongSecretIsInvalidSignature() {
        assertRejected(() -> authenticator.authenticate(signed(signer(KEY, "wrong", "us-east-1", "secretsmanager"))),
                AwsErrorCode.INVALID_SIGNATURE, "The request signature we calculated does not match the signature you "
                        + "provided. Check your AWS Secret Access Key and signing method. Consult the service "
                        + "documentation for details.");
    }

    @Test
    void aTamperedBodyIsInvalidSignature() {
        assertRejected(() -> authenticator.authenticate(signed(GOOD, NOW, "{\"SecretId\":\"other\"}")),
                AwsErrorCode.INVALID_SIGNATURE, SigV4Authenticator.MISMATCH);
    }

    @Test
    void anUnknownKeyIsUnrecognizedClient() {
        assertRejected(() -> authenticator.authenticate(signed(signer("AKIDUNKNOWN", SECRET, "us-east-1", "secretsmanager"))),
                AwsErrorCode.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
    }

    @Test
    void aScopeForAnotherRegionOrServiceIsInvalidSignature() {
        assertRejected(() -> authenticator.authenticate(signed(signer(KEY, SECRET, "eu-west-1", "secretsmanager"))),
                AwsErrorCode.INVALID_SIGNATURE, "Credential should be scoped to a valid region, not 'eu-west-1'. ");
        assertRejected(() -> authenticator.authenticate(signed(signer(KEY, SECRET, "us-east-1", "kms"))),
                AwsErrorCode.INVALID_SIGNATURE, "Credential should be scoped to correct service: 'secretsmanager'. ");
    }

    @Test
    void aTimestampMoreThanFifteenMinutesOffIsInvalidSignature() {
        assertRejected(() -> authenticator.authenticate(signed(GOOD, NOW.minus(Duration.ofMinutes(16)), BODY)),
                AwsErrorCode.INVALID_SIGNATURE, "Signature expired: 20261127T114400Z is now earlier than "
                        + "20261127T114500Z (20261127T120000Z - 15 min.)");
        assertRejected(() -> authenticator.authenticate(signed(GOOD, NOW.plus(Duration.ofMinutes(16)), BODY)),
                AwsErrorCode.INVALID_SIGNATURE, "Signature not yet current: 20261127T121600Z is still later than "
                        + "20261127T121500Z (20261127T120000Z + 15 min.)");
        assertThat(authenticator.authenticate(signed(GOOD, NOW.minus(Duration.ofMinutes(14)), BODY)).accountId())
                .isEqualTo("111122223333");
    }

    @Test
    void noSignatureAtAllIsMissingAuthenticationToken() {
        SignedRequest unsigned = new SignedRequest("POST", "/", null, headers(NOW), new byte[0]);
        assertRejected(() -> authenticator.authenticate(unsigned), AwsErrorCode.MISSING_AUTHENTICATION_TOKEN,
                "Missing Authentication Token");
    }

    @Test
    void aHeaderWithoutItsPartsIsIncompleteSignatureAndEchoesNoSignature() {
        Map<String, List<String>> headers = new HashMap<>(headers(NOW));
        headers.put("authorization", List.of("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=deadbeef"));
        assertRejected(() -> authenticator.authenticate(new SignedRequest("POST", "/", null, headers, new byte[0])),
                AwsErrorCode.INCOMPLETE_SIGNATURE, "Authorization header requires 'Credential' parameter. "
                        + "Authorization=AWS4-HMAC-SHA256");
        headers.put("authorization", List.of("Bearer token"));
        headers.remove("x-amz-date");
        assertRejected(() -> authenticator.authenticate(new SignedRequest("POST", "/", null, headers, new byte[0])),
                AwsErrorCode.INCOMPLETE_SIGNATURE, "Authorization header requires 'Credential' parameter. "
                        + "Authorization header requires 'Signature' parameter. Authorization header requires "
                        + "'SignedHeaders' parameter. Authorization header requires existence of either a "
                        + "'X-Amz-Date' or a 'Date' header. Authorization=Bearer");
        headers.put("authorization", List.of("AWS4-HMAC-SHA256 Credential=AKID/20261127/us-east-1, "
                + "SignedHeaders=host, Signature=deadbeef"));
        headers.put("x-amz-date", List.of("20261127T120000Z"));
        assertRejected(() -> authenticator.authenticate(new SignedRequest("POST", "/", null, headers, new byte[0])),
                AwsErrorCode.INCOMPLETE_SIGNATURE, "Credential must have exactly 5 slash-delimited elements, "
                        + "e.g. keyid/date/region/service/term, got 'AKID/20261127/us-east-1'");
    }

    @Test
    void aMalformedDateIsIncompleteSignature() {
        Map<String, List<String>> headers = new HashMap<>(signed(GOOD).headers());
        headers.put("x-amz-date", List.of("2026-11-27T12:00:00Z"));
        assertRejected(() -> authenticator.authenticate(new SignedRequest("POST", "/", null, headers, new byte[0])),
                AwsErrorCode.INCOMPLETE_SIGNATURE, "Date must be in ISO-8601 'basic format'. Got '2026-11-27T12:00:00Z'. "
                        + "See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @Test
    void theHostHeaderMustBeSigned() {
        Map<String, List<String>> headers = new HashMap<>(headers(NOW));
        headers.put("authorization", List.of("AWS4-HMAC-SHA256 Credential=" + KEY + "/20261127/us-east-1/secretsmanager/"
                + "aws4_request, SignedHeaders=x-amz-date, Signature=00"));
        assertRejected(() -> authenticator.authenticate(new SignedRequest("POST", "/", null, headers, new byte[0])),
                AwsErrorCode.INVALID_SIGNATURE, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void anUnsignedPayloadIsAcceptedWhenTheClientDeclaresIt() {
        Map<String, List<String>> headers = headers(NOW);
        headers.put("x-amz-content-sha256", List.of(SigV4.UNSIGNED_PAYLOAD));
        Map<String, List<String>> received = new HashMap<>(headers);
        received.put("authorization", List.of(GOOD.authorization("POST", "/", null, headers, SigV4.UNSIGNED_PAYLOAD, NOW)));
        assertThat(authenticator.authenticate(new SignedRequest("POST", "/", null, received,
                BODY.getBytes(StandardCharsets.UTF_8))).accessKeyId()).isEqualTo(KEY);
    }

    @Test
    void thePresignedQueryFormIsVerifiedAndExpires() {
        Map<String, List<String>> headers = headers(NOW);
        headers.remove("x-amz-date");
        String query = GOOD.presignedQuery("POST", "/", null, headers,
                SigV4.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8)), NOW.minusSeconds(100), Duration.ofSeconds(300));
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(authenticator.authenticate(new SignedRequest("POST", "/", query, headers, body)).accessKeyId())
                .isEqualTo(KEY);

        String expired = GOOD.presignedQuery("POST", "/", null, headers,
                SigV4.sha256Hex(body), NOW.minusSeconds(100), Duration.ofSeconds(60));
        assertRejected(() -> authenticator.authenticate(new SignedRequest("POST", "/", expired, headers, body)),
                AwsErrorCode.INVALID_SIGNATURE, "Signature expired: 20261127T115820Z is now earlier than "
                        + "20261127T115900Z (20261127T120000Z - 60 sec.)");
        String tampered = query.replace("X-Amz-Expires=300", "X-Amz-Expires=600");
        assertRejected(() -> authenticator.authenticate(new SignedRequest("POST", "/", tampered, headers, body)),
                AwsErrorCode.INVALID_SIGNATURE, SigV4Authenticator.MISMATCH);
        assertRejected(() -> authenticator.authenticate(new SignedRequest("POST", "/",
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=00", headers, body)), AwsErrorCode.INCOMPLETE_SIGNATURE,
                "AWS query-string parameters must include 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-SignedHeaders', "
                        + "'X-Amz-Expires'. Re-examine the query-string parameters.");
    }

    @Test
    void rejectionMessagesNeverCarryTheSignature() {
        SignedRequest request = signed(signer(KEY, "wrong", "us-east-1", "secretsmanager"));
        String signature = request.header("Authorization").replaceAll(".*Signature=", "");
        assertThatThrownBy(() -> authenticator.authenticate(request))
                .satisfies(e -> assertThat(e.getMessage().toLowerCase(Locale.ROOT)).doesNotContain(signature));
    }

    @Test
    void theSigningKeyIsDerivedOncePerKeyAndDay() {
        SigningKeyCache cache = new SigningKeyCache();
        AccessKeyAccounts.Identity identity = IDENTITIES.find(KEY).orElseThrow();
        byte[] first = cache.signingKey(identity, "20261127", "us-east-1", "secretsmanager");
        assertThat(cache.signingKey(identity, "20261127", "us-east-1", "secretsmanager")).isSameAs(first);
        assertThat(cache.signingKey(identity, "20261128", "us-east-1", "secretsmanager")).isNotSameAs(first);
        assertThat(cache.size()).isEqualTo(2);
    }
}
