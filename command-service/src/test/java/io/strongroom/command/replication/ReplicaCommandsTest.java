package io.strongroom.command.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.command.CommandService;
import io.strongroom.command.CommandServiceConfig;
import io.strongroom.core.arn.RoutingStem;
import io.strongroom.core.command.ApplyReplicaDelta;
import io.strongroom.core.command.Command;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.RemoveReplica;
import io.strongroom.core.command.TagResource;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.SecretEvent;
import io.strongroom.core.event.TagsSet;
import io.strongroom.core.replication.ReplicaReply;
import io.strongroom.core.replication.ReplicaReply.Result;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.Tag;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import io.strongroom.kafka.TopicProvisioner;
import io.strongroom.kafka.Topics;
import io.strongroom.store.SecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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

/**
 * A replica region's command-service against a real broker and RocksDB: deltas applied in sequence
 * with the primary's numbers, repeats and gaps answered without effect, the replica read-only, a
 * rebuild from the events log keeping the primary's sequence, and RemoveReplica deleting it.
 */
@ExtendWith(SharedBroker.class)
class ReplicaCommandsTest {
    private static final String PRIMARY = "us-east-1";
    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = "111122223333";
    private static final String NAME = "app/replicated";

    @TempDir
    Path dataDir;
    private Topics topics;
    private KafkaSettings kafka;
    private CommandService service;
    private final String secretId = UUID.randomUUID().toString();

    @BeforeEach
    void start() {
        String prefix = "q" + UUID.randomUUID().toString().substring(0, 8);
        topics = new Topics(prefix + ".commands", prefix + ".events", prefix + ".keys", 3);
        kafka = KafkaSettings.of(SharedBroker.bootstrapServers());
        TopicProvisioner.ensure(kafka, topics);
        service = startService();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private CommandService startService() {
        CommandService s = new CommandService(new CommandServiceConfig(REGION, kafka, topics, dataDir.resolve("cs"), 0,
                10_000, 500, Clock.systemUTC()));
        s.start();
        return s;
    }

    @Test
    void deltasApplyInSequenceAndRepeatsAndGapsChangeNothing() {
        send(delta(1, new SecretCreated(NAME, null, null, List.of()), tags("a")));
        send(delta(4, tags("c")));
        send(delta(1, new SecretCreated(NAME, null, null, List.of()), tags("a")));
        send(delta(3, tags("b")));
        send(delta(3, tags("b"), tags("c")));

        List<Outcome> outcomes = awaitOutcomes(5);
        assertThat(outcomes).extracting(Outcome::replica).containsExactly(
                new ReplicaReply(2, Result.APPLIED), new ReplicaReply(2, Result.GAP),
                new ReplicaReply(2, Result.ALREADY_APPLIED), new ReplicaReply(3, Result.APPLIED),
                new ReplicaReply(4, Result.APPLIED));
        assertThat(outcomes.get(4).events()).extracting(EventEnvelope::seq).containsExactly(4L);
        assertThat(outcomes.get(0).events()).extracting(EventEnvelope::region).containsOnly(REGION);
    }

    @Test
    void aReplicaRefusesClientChangesAndSurvivesARebuildWithThePrimarysSequence() throws Exception {
        send(delta(1, new SecretCreated(NAME, null, null, List.of()), tags("a")));
        send(command(new TagResource(List.of(new Tag("mine", "x")))));
        awaitOutcomes(2);
        service.close();
        SecretState before = state();

        deleteRecursively(dataDir.resolve("cs"));
        service = startService();
        send(delta(3, tags("b")));

        List<Outcome> outcomes = awaitOutcomes(3);
        assertThat(outcomes.get(1).status()).isEqualTo(Outcome.Status.REJECTED);
        assertThat(outcomes.get(1).rejection().message()).startsWith("Operation not permitted on a replica secret.");
        assertThat(outcomes.get(2).replica()).isEqualTo(new ReplicaReply(3, Result.APPLIED));
        assertThat(before.seq()).isEqualTo(2);
        assertThat(before.primaryRegion()).isEqualTo(PRIMARY);
        service.close();
        assertThat(state().seq()).isEqualTo(3);
        service = startService();
    }

    @Test
    void removeReplicaDeletesTheReplica() {
        send(delta(1, new SecretCreated(NAME, null, null, List.of())));
        send(command(new RemoveReplica(PRIMARY, secretId)));

        List<Outcome> outcomes = awaitOutcomes(2);
        assertThat(outcomes.get(1).replica()).isEqualTo(new ReplicaReply(1, Result.APPLIED));
        service.close();
        try (SecretStore store = SecretStore.open(dataDir.resolve("cs"))) {
            assertThat(store.byName(ACCOUNT, NAME)).isEmpty();
        }
        service = startService();
    }

    private static TagsSet tags(String key) {
        return new TagsSet(List.of(new Tag(key, "v")));
    }

    private CommandEnvelope delta(long firstSeq, SecretEvent... events) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            long seq = firstSeq + i;
            envelopes.add(new EventEnvelope(EventEnvelope.CURRENT_VERSION, "p" + seq + ":0", "p" + seq, secretId,
                    ACCOUNT, seq, PRIMARY, "arn:aws:iam::" + ACCOUNT + ":root", Instant.now().minusSeconds(10),
                    events[i]));
        }
        return command(new ApplyReplicaDelta(PRIMARY, secretId, null, false, envelopes, Map.of(), Map.of()));
    }

    private static CommandEnvelope command(Command payload) {
        return new CommandEnvelope(UUID.randomUUID().toString(), ACCOUNT, "strongroom:replicator",
                Instant.now().plusSeconds(30), NAME, null, payload);
    }

    private SecretState state() {
        try (SecretStore store = SecretStore.open(dataDir.resolve("cs"))) {
            return store.byId(secretId).orElseThrow();
        }
    }

    private void send(CommandEnvelope command) {
        SharedBroker.producer().send(new ProducerRecord<>(topics.commands(),
                RoutingStem.of(ACCOUNT, NAME), Records.command(command)));
        SharedBroker.producer().flush();
    }

    private List<Outcome> awaitOutcomes(int count) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumer("test-reader", null))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < topics.partitions(); p++) {
                partitions.add(new TopicPartition(topics.events(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(all::add);
                return all.size() >= count;
            });
        }
        all.sort(Comparator.comparingLong(ConsumerRecord::offset));
        return all.stream().map(r -> Records.outcome(r.value())).toList();
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
