package io.strongroom.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.secret.SecretState;
import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.ShreddingSettings;
import io.strongroom.kafka.Topics;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.TestIdentities;
import io.strongroom.systemtests.support.EventLog;
import io.strongroom.systemtests.support.FileScan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Crypto-shredding, proven on the bytes: with the bound's settings in seconds
 * ({@link ShreddingSettings#seconds()}), a force-deleted secret's wrapped data keys leave every Kafka
 * log file and every RocksDB file, while its ciphertext stays in the events log for good, with no
 * key left anywhere to open it. A secret that is not deleted keeps its key (the scan finds what exists).
 */
class CryptoShreddingTest {
    private static final int PARTITIONS = 2;
    private static final Topics TOPICS = Topics.standard(PARTITIONS);

    @TempDir
    Path dataDir;

    @Test
    void aForceDeletedSecretsDataKeysLeaveEveryKafkaAndRocksDbFileWhileItsCiphertextStays() {
        ShreddingSettings seconds = ShreddingSettings.seconds();
        try (DevCluster cluster = new DevCluster("us-east-1", dataDir, 0, PARTITIONS,
                        TestIdentities.devIdentity("AKIAANYKEY")).withShredding(seconds).start();
                SecretsManagerClient sm = Clients.secretsManager(awaitReady(cluster), "AKIAANYKEY")) {
            String canary = "SHRED-CANARY-" + UUID.randomUUID();
            sm.createSecret(b -> b.name("shred-me").secretString(canary));
            sm.putSecretValue(b -> b.secretId("shred-me").secretString(canary + "-v2"));
            sm.createSecret(b -> b.name("kept").secretString("kept-value"));

            ReadModel readModel = cluster.services().projection().readModel();
            SecretState shredState = readModel.secret(DevCluster.DEV_ACCOUNT, "shred-me").join().orElseThrow();
            SecretState keptState = readModel.secret(DevCluster.DEV_ACCOUNT, "kept").join().orElseThrow();
            String shredId = shredState.secretId();
            List<byte[]> shredKeys = wrappedKeyNeedles(readModel, shredId, shredState.versions().keySet());
            List<byte[]> keptKeys = wrappedKeyNeedles(readModel, keptState.secretId(), keptState.versions().keySet());
            assertThat(FileScan.filesContaining(dataDir.resolve("kafka"), shredKeys))
                    .as("before the purge the wrapped keys are in the keys and commands topics")
                    .anyMatch(f -> f.toString().contains(TOPICS.keys()))
                    .anyMatch(f -> f.toString().contains(TOPICS.commands()));
            // The stores write no WAL: a key reaches a RocksDB file when the memtables flush, which every
            // purge does. Purging another secret first puts these keys in a file, so the scan has something to miss.
            sm.createSecret(b -> b.name("flush-trigger").secretString("unrelated"));
            sm.deleteSecret(b -> b.secretId("flush-trigger").forceDeleteWithoutRecovery(true));
            await("another purge flushed the wrapped keys into the projection's RocksDB files")
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(FileScan.filesContaining(dataDir.resolve("projection"), shredKeys))
                            .as("before the purge the wrapped keys are in the projection's RocksDB").isNotEmpty());
            Map<String, byte[]> shredMe = ciphertextsByVersion(cluster, shredId);
            assertThat(shredMe).hasSize(2);

            sm.deleteSecret(b -> b.secretId("shred-me").forceDeleteWithoutRecovery(true));
            long purgedAt = System.nanoTime();
            AtomicLong lastScanStarted = new AtomicLong();

            await("every copy of the purged secret's wrapped keys gone (bound " + seconds.bound() + ")")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        lastScanStarted.set(System.nanoTime());
                        assertThat(FileScan.filesContaining(dataDir, shredKeys)).isEmpty();
                    });
            System.out.printf("CryptoShreddingTest: no copy of the wrapped keys left in the scan that began %d ms and"
                            + " ended %d ms after the purge (bound %s)%n", (lastScanStarted.get() - purgedAt) / 1_000_000,
                    (System.nanoTime() - purgedAt) / 1_000_000, seconds.bound());

            assertThat(ciphertextsByVersion(cluster, shredId)).as("the events log keeps the ciphertext")
                    .containsOnlyKeys(shredMe.keySet())
                    .allSatisfy((versionId, ciphertext) -> assertThat(ciphertext).isEqualTo(shredMe.get(versionId)));
            assertThat(FileScan.filesContaining(dataDir.resolve("kafka"), shredMe.values().stream().map(c ->
                            Base64.getEncoder().encodeToString(c).getBytes(StandardCharsets.US_ASCII)).toList()))
                    .as("ciphertext in the events log").anyMatch(f -> f.toString().contains(TOPICS.events()));
            for (String versionId : shredMe.keySet()) {
                assertThat(readModel.dataKey(shredId, versionId).join()).as("no key to open " + versionId).isEmpty();
            }
            assertThat(keyRecordsWithAValue(cluster, shredId)).as("no wrapped key left on the keys topic").isEmpty();
            assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId("shred-me")))
                    .isInstanceOf(ResourceNotFoundException.class);

            assertThat(FileScan.filesContaining(dataDir.resolve("kafka"), keptKeys))
                    .as("a live secret's key stays on the keys topic").isNotEmpty();
            assertThat(FileScan.filesContaining(dataDir.resolve("projection"), keptKeys))
                    .as("and in RocksDB").isNotEmpty();
            assertThat(sm.getSecretValue(b -> b.secretId("kept")).secretString()).isEqualTo("kept-value");
        }
    }

    private static java.net.URI awaitReady(DevCluster cluster) {
        await().atMost(Duration.ofSeconds(60)).until(cluster::isReady);
        return cluster.endpoint();
    }

    /** The value ciphertext of each version of a secret, as the events log holds it. */
    private static Map<String, byte[]> ciphertextsByVersion(DevCluster cluster, String secretId) {
        Map<String, byte[]> byVersion = new LinkedHashMap<>();
        for (Outcome outcome : EventLog.read(cluster.bootstrapServers(), TOPICS)) {
            for (EventEnvelope event : outcome.events()) {
                if (event.secretId().equals(secretId) && event.payload() instanceof VersionAdded added) {
                    byVersion.put(added.versionId(), added.value().ciphertext());
                }
            }
        }
        return byVersion;
    }

    /** The wrapped keys as every file stores them: base64 inside the JSON record. */
    private static List<byte[]> wrappedKeyNeedles(ReadModel readModel, String secretId, Iterable<String> versionIds) {
        List<byte[]> needles = new ArrayList<>();
        for (String versionId : versionIds) {
            WrappedKey key = readModel.dataKey(secretId, versionId).join().orElseThrow();
            needles.add(Base64.getEncoder().encodeToString(key.ciphertext()).getBytes(StandardCharsets.US_ASCII));
        }
        return needles;
    }

    /** Key records of a secret that still carry a wrapped key, read from the start of the keys topic. */
    private static List<String> keyRecordsWithAValue(DevCluster cluster, String secretId) {
        List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                .mapToObj(p -> new TopicPartition(TOPICS.keys(), p)).toList();
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                KafkaSettings.of(cluster.bootstrapServers()).consumer("strongroom-test-keys", null))) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().startsWith(secretId + "/") && record.value() != null) {
                        found.add(record.key());
                    }
                }
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return found;
    }
}
