package io.strongroom.gateway.operations;

import static io.strongroom.gateway.operations.SecretLifecycleTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.query.ListQuery;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.query.SecretPage;
import io.strongroom.gateway.projection.ProjectionDirectory;
import io.strongroom.gateway.support.InMemorySecrets;
import io.strongroom.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.InternalServiceErrorException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** What clients see when the write path or a projection fails: retryable errors, never internals. */
class FailureModesTest {

    @Test
    void aWriteNoProjectionConfirmsInTimeIsARetryableInternalServiceError() {
        try (TestGateway gateway = TestGateway.start(b -> b.timeout(Duration.ofMillis(300)));
                SecretsManagerClient sdk = gateway.client()) {
            gateway.secrets.applying(false);

            assertThatThrownBy(() -> sdk.createSecret(r -> r.name("lost").secretString("v")))
                    .isInstanceOf(InternalServiceErrorException.class)
                    .satisfies(e -> assertThat(((SecretsManagerException) e).statusCode()).isEqualTo(500))
                    .hasMessageContaining("Retry");
        }
    }

    @Test
    void theRetryOfATimedOutCreateSucceedsWithTheSameVersion() {
        try (TestGateway gateway = TestGateway.start(b -> b.timeout(Duration.ofMillis(300)));
                SecretsManagerClient sdk = gateway.client()) {
            gateway.secrets.applying(false);
            String token = java.util.UUID.randomUUID().toString();
            assertThatThrownBy(() -> sdk.createSecret(r -> r.name("retry-me").secretString("v").clientRequestToken(token)))
                    .isInstanceOf(InternalServiceErrorException.class);

            gateway.secrets.applying(true);

            assertThat(sdk.createSecret(r -> r.name("retry-me").secretString("v").clientRequestToken(token)).versionId())
                    .isEqualTo(token);
        }
    }

    @Test
    void aWriteIsAnsweredOnlyWhenEveryServingProjectionHasAppliedIt() {
        InMemorySecrets applied = new InMemorySecrets(TestGateway.REGION, Clock.systemUTC());
        InMemorySecrets lagging = new InMemorySecrets(TestGateway.REGION, Clock.systemUTC());
        try (TestGateway gateway = TestGateway.start(b -> b.timeout(Duration.ofMillis(300)).commandBus(applied)
                .projections(ProjectionDirectory.of(List.of(applied, lagging))));
                SecretsManagerClient sdk = gateway.client()) {
            assertThatThrownBy(() -> sdk.createSecret(r -> r.name(unique("two")).secretString("v")))
                    .isInstanceOf(InternalServiceErrorException.class);
            assertThat(applied.sent()).hasSize(1);
        }
    }

    @Test
    void noServingProjectionIsServiceUnavailable() {
        try (TestGateway gateway = TestGateway.start(b -> b.projections(ProjectionDirectory.of(List.of())));
                SecretsManagerClient sdk = gateway.client()) {
            assertThatThrownBy(() -> sdk.getSecretValue(r -> r.secretId("any")))
                    .isInstanceOf(SecretsManagerException.class)
                    .satisfies(e -> {
                        assertThat(((SecretsManagerException) e).statusCode()).isEqualTo(503);
                        assertThat(((SecretsManagerException) e).awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
                    });
            assertThat(gateway.secrets.sent()).isEmpty();
            assertThatThrownBy(() -> sdk.createSecret(r -> r.name("nowhere").secretString("v")))
                    .satisfies(e -> assertThat(((SecretsManagerException) e).statusCode()).isEqualTo(503));
            assertThat(gateway.secrets.sent()).isEmpty();
        }
    }

    @Test
    void anUnexpectedFailureIsAnInternalServiceErrorWithoutDetails() {
        ReadModel broken = new BrokenReadModel();
        try (TestGateway gateway = TestGateway.start(b -> b.projections(ProjectionDirectory.of(broken)))) {
            HttpResponse<String> response = gateway.call("ListSecrets", "{}");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServiceError");
            assertThat(response.body()).contains("An internal error occurred. Retry the request.")
                    .doesNotContain("disk on fire", "IllegalStateException", "at io.");
        }
    }

    @Test
    void aVersionWhoseDataKeyIsGoneIsADecryptionFailure() {
        try (TestGateway gateway = TestGateway.start(); SecretsManagerClient sdk = gateway.client()) {
            String name = unique("shredded");
            var created = sdk.createSecret(r -> r.name(name).secretString("v"));
            gateway.secrets.shred(gateway.secrets.secretIdOf(TestGateway.ACCOUNT, name), created.versionId());

            assertThatThrownBy(() -> sdk.getSecretValue(r -> r.secretId(name)))
                    .isInstanceOf(DecryptionFailureException.class)
                    .hasMessageStartingWith("Secrets Manager can't decrypt the protected secret text using the provided KMS key.");
        }
    }

    /** A projection that fails every call with an exception whose message must never reach a client. */
    private static final class BrokenReadModel implements ReadModel {
        @Override
        public CompletableFuture<java.util.Optional<io.strongroom.core.secret.SecretState>> secret(String a, String s) {
            return CompletableFuture.failedFuture(new IllegalStateException("disk on fire"));
        }

        @Override
        public CompletableFuture<java.util.Optional<io.strongroom.core.crypto.WrappedKey>> dataKey(String s, String v) {
            return CompletableFuture.failedFuture(new IllegalStateException("disk on fire"));
        }

        @Override
        public CompletableFuture<java.util.Optional<io.strongroom.core.crypto.SealedValue>> sealedValue(String s,
                String v) {
            return CompletableFuture.failedFuture(new IllegalStateException("disk on fire"));
        }

        @Override
        public CompletableFuture<SecretPage> listSecrets(ListQuery query) {
            return CompletableFuture.failedFuture(new IllegalStateException("disk on fire"));
        }

        @Override
        public CompletableFuture<io.strongroom.core.event.Outcome> awaitOutcome(String commandId, Duration timeout) {
            return CompletableFuture.failedFuture(new IllegalStateException("disk on fire"));
        }

        @Override
        public CompletableFuture<Void> catchUp(Duration timeout) {
            return CompletableFuture.failedFuture(new IllegalStateException("disk on fire"));
        }
    }
}
