package io.strongroom.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.arn.RoutingStem;
import io.strongroom.core.codec.Json;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.command.PutSecretValue;
import io.strongroom.gateway.support.CapturedLogs;
import io.strongroom.gateway.support.InMemorySecrets;
import io.strongroom.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** What the gateway puts on the commands topic: the right envelope, and ciphertext only. */
class CommandContentsTest {
    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
    private static final String PLAINTEXT = "correct-horse-battery-staple";

    @Test
    void aCommandCarriesCallerDeadlineRawSecretIdAndIsKeyedByTheRoutingStem() {
        try (TestGateway gateway = TestGateway.start(b -> b.clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .timeout(Duration.ofSeconds(7)));
                SecretsManagerClient sdk = gateway.client()) {
            String arn = sdk.createSecret(r -> r.name("app/key").secretString("v1")).arn();
            sdk.putSecretValue(r -> r.secretId(arn).secretString("v2"));

            InMemorySecrets.Sent create = gateway.secrets.sent().get(0);
            InMemorySecrets.Sent put = gateway.secrets.sent().get(1);
            CommandEnvelope created = create.command();
            assertThat(created.account()).isEqualTo(TestGateway.ACCOUNT);
            assertThat(created.principal()).isEqualTo("arn:aws:iam::" + TestGateway.ACCOUNT + ":user/tester");
            assertThat(created.deadline()).isEqualTo(NOW.plusSeconds(7));
            assertThat(created.secretId()).isEqualTo("app/key");
            assertThat(created.expectedSecretId()).isNull();
            assertThat(create.routingKey()).isEqualTo(RoutingStem.of(TestGateway.ACCOUNT, "app/key"));
            String newSecretId = ((CreateSecret) created.payload()).newSecretId();
            assertThat(UUID.fromString(newSecretId).version()).as("a time-ordered incarnation id").isEqualTo(7);
            assertThat(put.command().secretId()).isEqualTo(arn);
            assertThat(put.command().expectedSecretId()).isEqualTo(newSecretId);
            assertThat(put.routingKey()).isEqualTo(create.routingKey());
            assertThat(put.command().payload()).isInstanceOf(PutSecretValue.class);
        }
    }

    @Test
    void responsesAreDatedByTheInjectedClock() {
        try (TestGateway gateway = TestGateway.start(b -> b.clock(Clock.fixed(NOW, ZoneOffset.UTC)))) {
            HttpResponse<String> response = gateway.call("ListSecrets", "{}");

            assertThat(response.headers().firstValue("Date")).hasValue("Wed, 02 Jan 2030 03:04:05 GMT");
        }
    }

    @Test
    void noPlaintextReachesACommandOrALogLine() {
        try (CapturedLogs logs = CapturedLogs.capture();
                TestGateway gateway = TestGateway.start();
                SecretsManagerClient sdk = gateway.client()) {
            sdk.createSecret(r -> r.name("guarded").secretString(PLAINTEXT));
            sdk.putSecretValue(r -> r.secretId("guarded").secretString(PLAINTEXT + "-2"));
            sdk.updateSecret(r -> r.secretId("guarded").secretString(PLAINTEXT + "-3"));
            assertThat(sdk.getSecretValue(r -> r.secretId("guarded")).secretString()).isEqualTo(PLAINTEXT + "-3");

            for (InMemorySecrets.Sent sent : gateway.secrets.sent()) {
                String json = new String(Json.write(sent.command()), StandardCharsets.UTF_8);
                assertThat(json).doesNotContain(PLAINTEXT)
                        .doesNotContain(Base64.getEncoder().encodeToString(PLAINTEXT.getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(logs.all()).contains("op=GetSecretValue").doesNotContain(PLAINTEXT);
        }
    }
}
