package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.arn.RoutingStem;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.NewValue;
import io.strongroom.core.command.PutSecretValue;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.secret.EncryptedValue;
import io.strongroom.core.secret.ValueType;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import io.strongroom.kafka.Topics;
import io.strongroom.systemtests.support.SharedRegion;
import io.strongroom.systemtests.support.TestAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;

/** A command that arrives after its deadline (the client gave up) is rejected and changes nothing. */
@ExtendWith(SharedRegion.class)
class ExpiredCommandTest {

    @Test
    void aCommandPastItsDeadlineIsRejectedWithoutEffect() throws Exception {
        TestAccount account = SharedRegion.newAccount();
        try (SecretsManagerClient sm = account.client(SharedRegion.endpoint());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        KafkaSettings.of(SharedRegion.cluster().bootstrapServers()).producer("late-gateway"))) {
            CreateSecretResponse created = sm.createSecret(b -> b.name("expiring").secretString("kept"));
            String secretId = SharedRegion.cluster().services().projection().readModel()
                    .secret(account.accountId(), "expiring").get().orElseThrow().secretId();

            CommandEnvelope late = new CommandEnvelope(UUID.randomUUID().toString(), account.accountId(),
                    "arn:aws:iam::" + account.accountId() + ":root", Instant.now().minusSeconds(1), "expiring",
                    secretId, new PutSecretValue(UUID.randomUUID().toString(), new NewValue(
                            new EncryptedValue(ValueType.STRING, new byte[32]),
                            new WrappedKey("alias/aws/secretsmanager#1", new byte[60])), null));
            var waiting = SharedRegion.cluster().services().projection().readModel()
                    .awaitOutcome(late.commandId(), Duration.ofSeconds(20));
            producer.send(new ProducerRecord<>(Topics.standard(4).commands(),
                    RoutingStem.of(account.accountId(), "expiring"), Records.command(late))).get();

            Outcome outcome = waiting.get();
            assertThat(outcome.status()).isEqualTo(Outcome.Status.REJECTED);
            assertThat(outcome.rejection().code()).isEqualTo(AwsErrorCode.INTERNAL_SERVICE_ERROR);
            assertThat(sm.describeSecret(b -> b.secretId("expiring")).versionIdsToStages())
                    .containsOnlyKeys(created.versionId());
            assertThat(sm.getSecretValue(b -> b.secretId("expiring")).secretString()).isEqualTo("kept");
        }
    }
}
