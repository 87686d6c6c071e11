package io.strongroom.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.gateway.support.GatewayUnderTest;
import io.strongroom.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkGlobalTime;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** SigV4 end to end: the real AWS SDK v2 (and hand-signed raw requests) against a real gateway. */
class SigV4SdkTest {
    @RegisterExtension
    static final GatewayUnderTest gateway = new GatewayUnderTest();

    private static void assertAwsError(Throwable e, int status, String code, String message) {
        SecretsManagerException error = (SecretsManagerException) e;
        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    @Test
    void theRightSecretKeySignsSuccessfully() {
        String arn = gateway.sdk().createSecret(r -> r.name("signed").secretString("v")).arn();
        assertThat(arn).startsWith("arn:aws:secretsmanager:us-east-1:" + TestGateway.ACCOUNT + ":secret:signed-");
    }

    @Test
    void aWrongSecretKeyIsInvalidSignatureException() {
        try (SecretsManagerClient sdk = gateway.gateway().client(TestGateway.ACCESS_KEY, "not-the-secret")) {
            assertThatThrownBy(() -> sdk.listSecrets(r -> { })).isInstanceOf(SecretsManagerException.class)
                    .satisfies(e -> assertAwsError(e, 400, "InvalidSignatureException", SigV4Authenticator.MISMATCH));
        }
    }

    @Test
    void anUnknownAccessKeyIsUnrecognizedClientException() {
        try (SecretsManagerClient sdk = gateway.gateway().client("AKIAUNKNOWN000000000")) {
            assertThatThrownBy(() -> sdk.listSecrets(r -> { })).isInstanceOf(SecretsManagerException.class)
                    .satisfies(e -> assertAwsError(e, 403, "UnrecognizedClientException",
                            "The security token included in the request is invalid."));
        }
    }

    @Test
    void aClientSigningForAnotherRegionIsInvalidSignatureException() {
        try (SecretsManagerClient sdk = SecretsManagerClient.builder()
                .endpointOverride(gateway.gateway().endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestGateway.ACCESS_KEY, TestGateway.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            assertThatThrownBy(() -> sdk.listSecrets(r -> { })).isInstanceOf(SecretsManagerException.class)
                    .satisfies(e -> assertAwsError(e, 400, "InvalidSignatureException",
                            "Credential should be scoped to a valid region, not 'eu-west-1'. "));
        }
    }

    @Test
    void aRequestSignedTwentyMinutesAgoIsSignatureExpired() {
        HttpResponse<String> response = gateway.gateway().post("secretsmanager.ListSecrets",
                "application/x-amz-json-1.1", "{}", Instant.now().minus(Duration.ofMinutes(20)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
        assertThat(response.body()).contains("Signature expired: ").contains(" is now earlier than ")
                .contains(" - 15 min.)");
        assertThat(response.headers().firstValue("Date")).as("the SDKs correct their clock from it").isPresent();
    }

    @Test
    void theSdkCorrectsASkewedClockFromTheDateHeaderAndRetries() {
        AtomicInteger attempts = new AtomicInteger();
        SdkGlobalTime.setGlobalTimeOffset(3600); // the client's clock an hour behind
        try (SecretsManagerClient sdk = SecretsManagerClient.builder()
                .endpointOverride(gateway.gateway().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestGateway.ACCESS_KEY, TestGateway.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        attempts.incrementAndGet();
                    }
                }))
                .build()) {
            assertThat(sdk.listSecrets(r -> { }).sdkHttpResponse().isSuccessful()).isTrue();
            assertThat(attempts).as("refused as expired, then re-signed with the server's time").hasValue(2);
        } finally {
            SdkGlobalTime.setGlobalTimeOffset(0);
        }
    }

    @Test
    void aPresignedPostIsAccepted() {
        gateway.sdk().createSecret(r -> r.name("presigned").secretString("by-query"));

        HttpResponse<String> response = gateway.gateway().presignedPost("secretsmanager.GetSecretValue",
                "{\"SecretId\":\"presigned\"}", Duration.ofMinutes(5));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"SecretString\":\"by-query\"");
    }
}
