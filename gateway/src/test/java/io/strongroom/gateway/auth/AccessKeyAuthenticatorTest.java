package io.strongroom.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessKeyAuthenticatorTest {
    private static final String HEADER = "AWS4-HMAC-SHA256 Credential=AKIDKNOWN/20240101/us-east-1/secretsmanager/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=abcdef";
    private static final AccessKeyAccounts ACCOUNTS = AccessKeyAccounts.builder()
            .add("AKIDKNOWN", "111122223333", "arn:aws:iam::111122223333:user/app").build();

    @Test
    void theCredentialScopeIsReadFromTheAuthorizationHeader() {
        assertThat(AuthorizationHeader.credential(HEADER)).hasValue(
                new AuthorizationHeader.Credential("AKIDKNOWN", "20240101", "us-east-1", "secretsmanager"));
    }

    @Test
    void headersOfOtherSchemesOrWithoutCredentialHaveNone() {
        assertThat(AuthorizationHeader.credential("Basic dXNlcjpwYXNz")).isEmpty();
        assertThat(AuthorizationHeader.credential("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=00")).isEmpty();
        assertThat(AuthorizationHeader.credential("AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1")).isEmpty();
        assertThat(AuthorizationHeader.credential(null)).isEmpty();
    }

    @Test
    void aKnownKeyIsItsAccountAndPrincipal() {
        Caller caller = new AccessKeyAuthenticator(ACCOUNTS).authenticate(request(HEADER));

        assertThat(caller).isEqualTo(new Caller("111122223333", "arn:aws:iam::111122223333:user/app", "AKIDKNOWN", null));
    }

    @Test
    void outsideDevModeUnknownMissingAndMalformedAreRefusedAsAwsRefusesThem() {
        AccessKeyAuthenticator authenticator = new AccessKeyAuthenticator(ACCOUNTS);

        assertRejected(() -> authenticator.authenticate(request(HEADER.replace("AKIDKNOWN", "AKIDOTHER"))),
                AwsErrorCode.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
        assertRejected(() -> authenticator.authenticate(request(null)),
                AwsErrorCode.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
        assertRejected(() -> authenticator.authenticate(request("AWS4-HMAC-SHA256 Signature=00")),
                AwsErrorCode.INCOMPLETE_SIGNATURE, "Authorization header requires 'Credential' parameter.");
    }

    @Test
    void inDevModeUnknownAndMissingKeysAreTheDefaultIdentity() {
        AccessKeyAccounts dev = AccessKeyAccounts.builder().add("AKIDKNOWN", "111122223333", "arn:aws:iam::111122223333:user/app")
                .devDefault("000000000000", "arn:aws:iam::000000000000:root").build();
        AccessKeyAuthenticator authenticator = new AccessKeyAuthenticator(dev);

        assertThat(authenticator.authenticate(request(null)))
                .isEqualTo(new Caller("000000000000", "arn:aws:iam::000000000000:root", null, null));
        assertThat(authenticator.authenticate(request(HEADER.replace("AKIDKNOWN", "AKIDOTHER"))).accountId())
                .isEqualTo("000000000000");
        assertThat(authenticator.authenticate(request(HEADER)).accountId()).isEqualTo("111122223333");
    }

    @Test
    void theAccountsNeverPrintTheirKeys() {
        assertThat(ACCOUNTS.toString()).doesNotContain("AKIDKNOWN");
    }

    private static SignedRequest request(String authorization) {
        Map<String, List<String>> headers = authorization == null ? Map.of() : Map.of("authorization", List.of(authorization));
        return new SignedRequest("POST", "/", null, headers, new byte[0]);
    }

    private static void assertRejected(Runnable call, AwsErrorCode code, String messageStart) {
        assertThatThrownBy(call::run).isInstanceOf(RejectedException.class).satisfies(e -> {
            assertThat(((RejectedException) e).rejection().code()).isEqualTo(code);
            assertThat(((RejectedException) e).rejection().message()).startsWith(messageStart);
        });
    }
}
