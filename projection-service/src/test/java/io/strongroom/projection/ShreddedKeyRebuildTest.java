package io.strongroom.projection;

import static io.strongroom.projection.Commands.ACCOUNT;
import static io.strongroom.projection.ProjectionFixture.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.event.Outcome;
import io.strongroom.core.query.ListQuery;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.secret.SecretState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A purge tombstones the data keys of its versions and compaction then removes every copy of them from
 * the keys topic, while the outcomes that added the versions stay in the events log. A rebuild must
 * not wait forever for those keys. The broker here compacts within a second or so.
 */
class ShreddedKeyRebuildTest {
    @RegisterExtension
    static final BrokerPerClass broker = new BrokerPerClass(b -> b.property("log.cleaner.backoff.ms", "100"));

    @TempDir
    Path tmp;

    @Test
    void aPurgedSecretsShreddedKeysDoNotBlockARebuild() throws Exception {
        try (ProjectionFixture fixture = broker.freshTopics()) {
            compactFast(fixture);
            CommandLog log = fixture.log;
            List<Outcome> outcomes = new ArrayList<>();
            outcomes.add(log.run(Commands.create("survivor")));
            outcomes.add(log.run(Commands.create("doomed")));
            String doomedId = log.state(ACCOUNT, "doomed").secretId();
            outcomes.add(log.run(Commands.put("doomed", "doomed-v2")));
            outcomes.add(log.run(Commands.purge("doomed")));
            TopicPartition doomedKeys = new TopicPartition(fixture.topics.keys(), log.partitionOf(ACCOUNT, "doomed"));

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                appendFiller(fixture, doomedKeys);
                return keysIn(fixture, doomedKeys).stream().noneMatch(k -> k.startsWith(doomedId + "/"));
            });

            ProjectionService rebuilt = fixture.startServing(tmp.resolve("rebuilt"));
            ReadModel model = rebuilt.readModel();
            assertThat(rebuilt.appliedOutcomes()).isEqualTo(outcomes.size());
            assertThat(get(model.secret(ACCOUNT, "doomed"))).isEmpty();
            SecretState survivor = get(model.secret(ACCOUNT, "survivor")).orElseThrow();
            String version = survivor.versions().keySet().iterator().next();
            assertThat(get(model.dataKey(survivor.secretId(), version))).isPresent();
            assertThat(get(model.listSecrets(new ListQuery(ACCOUNT, 10, null))).secrets())
                    .extracting(SecretState::name).containsExactly("survivor");
        }
    }

    /** Rolls a segment every 100 ms and cleans as soon as anything is dirty; tombstones go on the next pass. */
    private static void compactFast(ProjectionFixture fixture) throws Exception {
        try (Admin admin = Admin.create(fixture.kafka.admin())) {
            ConfigResource keys = new ConfigResource(ConfigResource.Type.TOPIC, fixture.topics.keys());
            Collection<AlterConfigOp> ops = List.of(
                    set("segment.ms", "100"), set("min.cleanable.dirty.ratio", "0.01"),
                    set("delete.retention.ms", "0"), set("min.compaction.lag.ms", "0"));
            admin.incrementalAlterConfigs(Map.of(keys, ops)).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    /** A tombstone for a key nobody uses: it rolls the segment so the cleaner can reach the older records. */
    private static void appendFiller(ProjectionFixture fixture, TopicPartition partition) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(fixture.kafka.producer("filler"))) {
            producer.send(new ProducerRecord<>(partition.topic(), partition.partition(),
                    "filler/" + UUID.randomUUID(), null)).get(10, TimeUnit.SECONDS);
        }
    }

    private static List<String> keysIn(ProjectionFixture fixture, TopicPartition partition) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(fixture.kafka.consumer("scan", null))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }
}
