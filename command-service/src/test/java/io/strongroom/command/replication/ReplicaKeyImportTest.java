package io.strongroom.command.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.command.CommandService;
import io.strongroom.command.CommandServiceConfig;
import io.strongroom.core.arn.RoutingStem;
import io.strongroom.core.command.ApplyReplicaDelta;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.crypto.MasterKey;
import io.strongroom.core.crypto.MasterKeyRing;
import io.strongroom.core.crypto.SealedValue;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.event.VersionStagesSet;
import io.strongroom.core.replication.ReplicaReply;
import io.strongroom.core.secret.ValueType;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import io.strongroom.kafka.TopicProvisioner;
import io.strongroom.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.strongroom.command.support.SharedBroker;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A replica region's command-service against a real broker and RocksDB: the data key a primary sent
 * (wrapped to this region's replication public key) is stored wrapped under this region's master key,
 * and opens the replicated value; a key that cannot be imported is answered KEY_FAILED.
 */
@ExtendWith(SharedBroker.class)
class ReplicaKeyImportTest {
    private static final String PRIMARY = "us-east-1";
    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = "111122223333";
    private static final String REPLICA_KEY = "alias/replica";
    private static final KeyPair REPLICATION = rsa();
    private static final MasterKeyRing PRIMARY_KEYS = ring("alias/aws/secretsmanager");
    private static final MasterKeyRing REPLICA_KEYS = ring(REPLICA_KEY);

    @TempDir
    Path dataDir;
    private Topics topics;
    private KafkaSettings kafka;
    private CommandService service;

    @AfterEach
    void stop() {
        service.close();
    }

    private void start(boolean withReplicaKeys) {
        String prefix = "r" + UUID.randomUUID().toString().substring(0, 8);
        topics = new Topics(prefix + ".commands", prefix + ".events", prefix + ".keys", 3);
        kafka = KafkaSettings.of(SharedBroker.bootstrapServers());
        TopicProvisioner.ensure(kafka, topics);
        CommandServiceConfig config = new CommandServiceConfig(REGION, kafka, topics, dataDir, 0, 10_000, 500,
                Clock.systemUTC());
        service = new CommandService(withReplicaKeys ? config.withReplicaKeys(REPLICA_KEYS, REPLICATION.getPrivate())
                : config);
        service.start();
    }

    @Test
    void aTransportKeyIsStoredUnderTheReplicasMasterKeyAndOpensTheReplicatedValue() {
        start(true);
        Delta delta = delta(REPLICA_KEY);
        send(delta.command());

        Outcome outcome = awaitOutcome();
        assertThat(outcome.replica()).isEqualTo(new ReplicaReply(3, ReplicaReply.Result.APPLIED));
        WrappedKey stored = Records.key(awaitKeyRecord().value());
        assertThat(stored.masterKeyId()).isEqualTo(REPLICA_KEY + "#1");
        byte[] opened = new EnvelopeCipher(REPLICA_KEYS, new SecureRandom())
                .open(delta.sealed().value(), stored, delta.aad()).orElseThrow();
        assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo("replicated value");
    }

    @Test
    void aKmsKeyIdUnknownInTheReplicaRegionIsAnsweredKeyFailedAndStoresNothing() {
        start(true);
        send(delta("alias/not-here").command());

        Outcome outcome = awaitOutcome();
        assertThat(outcome.status()).isEqualTo(Outcome.Status.REJECTED);
        assertThat(outcome.replica()).isEqualTo(new ReplicaReply(0, ReplicaReply.Result.KEY_FAILED));
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    void aRegionWithoutReplicationKeysAnswersKeyFailed() {
        start(false);
        send(delta(REPLICA_KEY).command());

        assertThat(awaitOutcome().replica()).isEqualTo(new ReplicaReply(0, ReplicaReply.Result.KEY_FAILED));
    }

    private record Delta(CommandEnvelope command, SealedValue sealed, String aad) {}

    /** What the replicator sends for a new secret with one version: the primary's events and the exported key. */
    private static Delta delta(String replicaKmsKeyId) {
        String secretId = UUID.randomUUID().toString();
        String aad = EnvelopeCipher.associatedData(ACCOUNT, secretId, "v1");
        EnvelopeCipher primary = new EnvelopeCipher(PRIMARY_KEYS, new SecureRandom());
        SealedValue sealed = primary.seal(PRIMARY_KEYS.current(null).orElseThrow(), ValueType.STRING,
                "replicated value".getBytes(StandardCharsets.UTF_8), aad);
        byte[] transport = primary.exportKey(sealed.wrappedKey(), REPLICATION.getPublic(), aad).orElseThrow();
        Instant t = Instant.now().minusSeconds(5);
        List<EventEnvelope> events = List.of(
                event(secretId, 1, t, new SecretCreated("app/db", null, null, List.of())),
                event(secretId, 2, t, new VersionAdded("v1", sealed.value())),
                event(secretId, 3, t, new VersionStagesSet(Map.of("v1", List.of("AWSCURRENT")))));
        ApplyReplicaDelta payload = new ApplyReplicaDelta(PRIMARY, secretId, replicaKmsKeyId, false, events,
                Map.of("v1", transport), Map.of());
        CommandEnvelope command = new CommandEnvelope(UUID.randomUUID().toString(), ACCOUNT, "strongroom:replicator",
                Instant.now().plusSeconds(30), "app/db", null, payload);
        return new Delta(command, sealed, aad);
    }

    private static EventEnvelope event(String secretId, long seq, Instant t, io.strongroom.core.event.SecretEvent e) {
        return new EventEnvelope(EventEnvelope.CURRENT_VERSION, "p:" + seq, "p", secretId, ACCOUNT, seq, PRIMARY,
                "arn:aws:iam::" + ACCOUNT + ":root", t, e);
    }

    private void send(CommandEnvelope command) {
        SharedBroker.producer().send(new ProducerRecord<>(topics.commands(),
                RoutingStem.of(ACCOUNT, command.secretId()),
                Records.command(command)));
        SharedBroker.producer().flush();
    }

    private Outcome awaitOutcome() {
        return Records.outcome(readOne(topics.events()).value());
    }

    private ConsumerRecord<String, byte[]> awaitKeyRecord() {
        return readOne(topics.keys());
    }

    private ConsumerRecord<String, byte[]> readOne(String topic) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumer("test-reader", null))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < topics.partitions(); p++) {
                partitions.add(new TopicPartition(topic, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(all::add);
                return !all.isEmpty();
            });
        }
        return all.get(0);
    }

    private static MasterKeyRing ring(String name) {
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        return new MasterKeyRing(List.of(new MasterKey(name, 1, material)));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
