package io.strongroom.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.command.DeleteSecret;
import io.strongroom.core.command.NewValue;
import io.strongroom.core.command.PurgeSecret;
import io.strongroom.core.command.PutSecretValue;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.secret.EncryptedValue;
import io.strongroom.core.secret.ValueType;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import io.strongroom.kafka.TopicProvisioner;
import io.strongroom.kafka.Topics;
import io.strongroom.store.SecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.strongroom.command.support.SharedBroker;
import org.junit.jupiter.api.extension.ExtendWith;

/** command-service against a real KRaft broker: decisions, transactions, key records and rebuilds. */
@ExtendWith(SharedBroker.class)
class CommandServiceTest {
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "111122223333";

    @TempDir
    Path dataDir;
    private Topics topics;
    private KafkaSettings kafka;
    private CommandService service;

    @BeforeEach
    void start() {
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
        topics = new Topics(prefix + ".commands", prefix + ".events", prefix + ".keys", 3);
        kafka = KafkaSettings.of(SharedBroker.bootstrapServers());
        TopicProvisioner.ensure(kafka, topics);
        service = startService(dataDir.resolve("cs"));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private CommandService startService(Path dir) {
        CommandServiceConfig config = new CommandServiceConfig(REGION, kafka, topics, dir, 0, 10_000, 500,
                java.time.Clock.systemUTC());
        CommandService s = new CommandService(config);
        s.start();
        return s;
    }

    @Test
    void createThenPutInOneBatchAreDecidedInOrder() {
        String secretId = UUID.randomUUID().toString();
        CommandEnvelope create = command("app/db", null, create(secretId, "app/db", "v1-token-00000000000000000000000"));
        CommandEnvelope put = command("app/db", secretId, new PutSecretValue("v2-token-00000000000000000000000",
                value(), null));
        send(create, put);

        List<Outcome> outcomes = awaitOutcomes(2);
        assertThat(outcomes).extracting(Outcome::status).containsExactly(Outcome.Status.APPLIED, Outcome.Status.APPLIED);
        assertThat(outcomes.get(1).events()).extracting(e -> e.seq()).containsExactly(4L, 5L);
    }

    @Test
    void expiredCommandIsRejectedWithoutEffect() {
        String secretId = UUID.randomUUID().toString();
        CommandEnvelope expired = new CommandEnvelope(UUID.randomUUID().toString(), ACCOUNT, "arn:aws:iam::" + ACCOUNT
                + ":root", Instant.now().minusSeconds(1), "late", null, create(secretId, "late", null));
        send(expired);

        Outcome outcome = awaitOutcomes(1).get(0);
        assertThat(outcome.status()).isEqualTo(Outcome.Status.REJECTED);
        assertThat(outcome.rejection().code()).isEqualTo(AwsErrorCode.INTERNAL_SERVICE_ERROR);
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    void aRepeatedTokenDoesNotCreateASecondVersion() {
        String secretId = UUID.randomUUID().toString();
        String token = "same-token-000000000000000000000000";
        send(command("x", null, create(secretId, "x", null)));
        send(command("x", secretId, new PutSecretValue(token, value(), null)));
        send(command("x", secretId, new PutSecretValue(token, value(), null)));

        List<Outcome> outcomes = awaitOutcomes(3);
        assertThat(outcomes).extracting(Outcome::status)
                .containsExactly(Outcome.Status.APPLIED, Outcome.Status.APPLIED, Outcome.Status.UNCHANGED);
        assertThat(outcomes.get(2).existingVersionId()).isEqualTo(token);
    }

    @Test
    void keyRecordsGoToTheOutcomesPartitionAndForceDeleteShredsThem() {
        String secretId = UUID.randomUUID().toString();
        String token = "key-token-0000000000000000000000000";
        send(command("k", null, create(secretId, "k", token)));
        send(command("k", null, new DeleteSecret(null, true)));
        awaitOutcomes(2);

        List<ConsumerRecord<String, byte[]>> keys = readAll(topics.keys(), 2);
        List<ConsumerRecord<String, byte[]>> events = readAll(topics.events(), 2);
        assertThat(keys).extracting(ConsumerRecord::key).containsOnly(secretId + "/" + token);
        assertThat(keys.get(0).value()).isNotNull();
        assertThat(keys.get(1).value()).as("tombstone").isNull();
        assertThat(keys.get(0).partition()).isEqualTo(events.get(0).partition());
    }

    @Test
    void aPurgeIsResolvedByIncarnationAndDecidedAgainstItsWindow() {
        String secretId = UUID.randomUUID().toString();
        send(command("p", null, create(secretId, "p", null)));
        send(command("p", null, new DeleteSecret(7, false)));
        CommandEnvelope purge = new CommandEnvelope(UUID.randomUUID().toString(), ACCOUNT, "strongroom:scheduler",
                Instant.now().plusSeconds(30), secretId, secretId, new PurgeSecret());
        // The scheduler sends it under the secret's routing stem; its SecretId is the incarnation id, not a name.
        SharedBroker.producer().send(new ProducerRecord<>(topics.commands(),
                io.strongroom.core.arn.RoutingStem.of(ACCOUNT, "p"),
                Records.command(purge)));
        SharedBroker.producer().flush();

        Outcome outcome = awaitOutcomes(3).get(2);
        assertThat(outcome.secretId()).isEqualTo(secretId);
        assertThat(outcome.rejection()).isEqualTo(AwsErrorCode.INVALID_REQUEST.reject(PurgeSecret.NOT_DUE));
    }

    @Test
    void aWipedStoreIsRebuiltFromTheEventsLog() throws Exception {
        String secretId = UUID.randomUUID().toString();
        send(command("rebuild", null, create(secretId, "rebuild", "r1-token-000000000000000000000000")));
        send(command("rebuild", secretId, new PutSecretValue("r2-token-000000000000000000000000", value(), null)));
        awaitOutcomes(2);
        service.close();
        byte[] before = stateJson(secretId);

        deleteRecursively(dataDir.resolve("cs"));
        service = startService(dataDir.resolve("cs"));
        send(command("rebuild", secretId, new PutSecretValue("r3-token-000000000000000000000000", value(), null)));

        List<Outcome> outcomes = awaitOutcomes(3);
        assertThat(outcomes.get(2).status()).isEqualTo(Outcome.Status.APPLIED);
        assertThat(outcomes.get(2).events().get(0).seq()).as("sequence continues after the rebuild").isEqualTo(6L);
        service.close();
        assertThat(new String(stateJson(secretId))).contains("r3-token");
        assertThat(new String(before)).doesNotContain("r3-token");
        service = startService(dataDir.resolve("cs"));
    }

    private byte[] stateJson(String secretId) {
        try (SecretStore store = SecretStore.open(dataDir.resolve("cs"))) {
            return io.strongroom.core.codec.Json.write(store.byId(secretId).orElseThrow());
        }
    }

    private CreateSecret create(String secretId, String name, String token) {
        return new CreateSecret(secretId, name, null, null, List.of(), token, token == null ? null : value());
    }

    private static NewValue value() {
        return new NewValue(new EncryptedValue(ValueType.STRING, new byte[] {1, 2, 3}),
                new WrappedKey("alias/aws/secretsmanager#1", new byte[] {4, 5, 6}));
    }

    private static CommandEnvelope command(String secretId, String expected, io.strongroom.core.command.Command payload) {
        return new CommandEnvelope(UUID.randomUUID().toString(), ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":root",
                Instant.now().plusSeconds(30), secretId, expected, payload);
    }

    private void send(CommandEnvelope... commands) {
        for (CommandEnvelope c : commands) {
            String key = io.strongroom.core.arn.RoutingStem.of(c.account(), c.secretId());
            SharedBroker.producer().send(new ProducerRecord<>(topics.commands(), key, Records.command(c)));
        }
        SharedBroker.producer().flush();
    }

    private List<Outcome> awaitOutcomes(int count) {
        List<ConsumerRecord<String, byte[]>> records = readAll(topics.events(), count);
        return records.stream().map(r -> Records.outcome(r.value())).toList();
    }

    /** Every record of a topic (in offset order per partition; our tests use one routing stem each). */
    private List<ConsumerRecord<String, byte[]>> readAll(String topic, int atLeast) {
        Map<String, Object> config = kafka.consumer("test-reader", null);
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < topics.partitions(); p++) {
                tps.add(new TopicPartition(topic, p));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(all::add);
                return all.size() >= atLeast;
            });
        }
        all.sort(Comparator.comparingInt((ConsumerRecord<String, byte[]> r) -> r.partition())
                .thenComparingLong(ConsumerRecord::offset));
        return all;
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
