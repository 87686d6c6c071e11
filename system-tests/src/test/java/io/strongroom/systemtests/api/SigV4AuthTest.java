package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.SharedRegion;
import io.strongroom.systemtests.support.SignedHttp;
import io.strongroom.systemtests.support.TestAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** SigV4 on the dev cluster's real endpoint: the AWS SDK with right and wrong credentials, and raw signed calls. */
@ExtendWith(SharedRegion.class)
class SigV4AuthTest {
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    private final TestAccount account = SharedRegion.newAccount();

    private static void assertAwsError(ThrowingCall call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SecretsManagerException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    private interface ThrowingCall {
        void run();
    }

    @Test
    void theRightSecretKeyIsServedInItsAccount() {
        try (SecretsManagerClient sm = account.client(SharedRegion.endpoint())) {
            String arn = sm.createSecret(r -> r.name("sigv4-ok").secretString("v")).arn();
            assertThat(arn).contains(":" + account.accountId() + ":secret:sigv4-ok-");
        }
    }

    @Test
    void aWrongSecretKeyIsInvalidSignatureException() {
        try (SecretsManagerClient sm = Clients.secretsManager(SharedRegion.endpoint(), account.accessKeyId(), "wrong")) {
            assertAwsError(() -> sm.listSecrets(r -> { }), "InvalidSignatureException", MISMATCH);
        }
    }

    @Test
    void anUnknownAccessKeyIsUnrecognizedClientException() {
        try (SecretsManagerClient sm = Clients.secretsManager(SharedRegion.endpoint(), "AKIANOTCONFIGURED001")) {
            assertAwsError(() -> sm.listSecrets(r -> { }), "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }
    }

    @Test
    void aSignatureScopedToAnotherRegionIsInvalidSignatureException() {
        SignedHttp otherRegion = new SignedHttp(SharedRegion.endpoint(), account.accessKeyId(), Clients.SECRET_ACCESS_KEY,
                "eu-central-1");
        HttpResponse<String> response = otherRegion.post("secretsmanager.ListSecrets", "application/x-amz-json-1.1", "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
        assertThat(response.body()).contains("Credential should be scoped to a valid region, not 'eu-central-1'. ");
    }

    @Test
    void aRequestSignedOutsideFifteenMinutesIsSignatureExpired() {
        HttpResponse<String> response = SignedHttp.as(SharedRegion.endpoint(), account.accessKeyId()).post(
                "secretsmanager.ListSecrets", "application/x-amz-json-1.1", "{}", Instant.now().minus(Duration.ofHours(1)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
        assertThat(response.body()).contains("Signature expired: ").contains(" - 15 min.)");
        assertThat(response.headers().firstValue("Date")).isPresent();
    }

    @Test
    void aPresignedPostIsServed() {
        try (SecretsManagerClient sm = account.client(SharedRegion.endpoint())) {
            sm.createSecret(r -> r.name("sigv4-presigned").secretString("by-query"));
        }
        HttpResponse<String> response = SignedHttp.as(SharedRegion.endpoint(), account.accessKeyId()).presignedPost(
                "secretsmanager.GetSecretValue", "application/x-amz-json-1.1", "{\"SecretId\":\"sigv4-presigned\"}",
                Duration.ofMinutes(5));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"SecretString\":\"by-query\"");
    }

    @Test
    void anUnsignedRequestIsMissingAuthenticationTokenException() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(SharedRegion.endpoint() + "/"))
                .header("X-Amz-Target", "secretsmanager.ListSecrets")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(response.body()).contains("Missing Authentication Token");
    }
}
