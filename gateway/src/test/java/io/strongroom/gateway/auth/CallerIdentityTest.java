package io.strongroom.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.gateway.support.TestGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** Who the gateway thinks the caller is, end to end through the SDK. */
class CallerIdentityTest {

    @Test
    void anUnknownAccessKeyIsUnrecognizedClient() {
        try (TestGateway gateway = TestGateway.start(); SecretsManagerClient sdk = gateway.client("AKIAUNKNOWN000000000")) {
            assertThatThrownBy(() -> sdk.listSecrets(r -> { }))
                    .isInstanceOf(SecretsManagerException.class)
                    .satisfies(e -> {
                        SecretsManagerException error = (SecretsManagerException) e;
                        assertThat(error.statusCode()).isEqualTo(403);
                        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                        assertThat(error.awsErrorDetails().errorMessage())
                                .isEqualTo("The security token included in the request is invalid.");
                    });
        }
    }

    @Test
    void anUnsignedRequestIsMissingAuthenticationToken() {
        try (TestGateway gateway = TestGateway.start()) {
            HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(URI.create(gateway.endpoint() + "/"))
                    .header("X-Amz-Target", "secretsmanager.ListSecrets")
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        }
    }

    @Test
    void eachAccessKeyActsInItsOwnAccount() {
        try (TestGateway gateway = TestGateway.start(); SecretsManagerClient mine = gateway.client();
                SecretsManagerClient theirs = gateway.client(TestGateway.OTHER_ACCESS_KEY)) {
            mine.createSecret(r -> r.name("same-name").secretString("mine"));
            theirs.createSecret(r -> r.name("same-name").secretString("theirs"));

            assertThat(mine.getSecretValue(r -> r.secretId("same-name")).secretString()).isEqualTo("mine");
            assertThat(theirs.getSecretValue(r -> r.secretId("same-name")).secretString()).isEqualTo("theirs");
        }
    }

    @Test
    void anotherAccountsSecretByFullArnIsAccessDenied() {
        try (TestGateway gateway = TestGateway.start(); SecretsManagerClient mine = gateway.client();
                SecretsManagerClient theirs = gateway.client(TestGateway.OTHER_ACCESS_KEY)) {
            String arn = theirs.createSecret(r -> r.name("private").secretString("theirs")).arn();

            assertThatThrownBy(() -> mine.getSecretValue(r -> r.secretId(arn)))
                    .isInstanceOf(SecretsManagerException.class)
                    .satisfies(e -> {
                        SecretsManagerException error = (SecretsManagerException) e;
                        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(error.awsErrorDetails().errorMessage()).contains("is not authorized to perform: "
                                + "secretsmanager:GetSecretValue on resource: " + arn);
                    });
            assertThatThrownBy(() -> mine.putSecretValue(r -> r.secretId(arn).secretString("mine")))
                    .isInstanceOf(SecretsManagerException.class);
            assertThat(theirs.getSecretValue(r -> r.secretId("private")).secretString()).isEqualTo("theirs");
        }
    }
}
