package io.strongroom.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.coordination.CuratorClients;
import io.strongroom.coordination.ZooKeeperSettings;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.PurgeSecret;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.embedded.EmbeddedKafka;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import io.strongroom.kafka.TopicProvisioner;
import io.strongroom.kafka.Topics;
import io.strongroom.scheduler.checkpoint.Checkpoint;
import io.strongroom.scheduler.checkpoint.CheckpointFile;
import io.strongroom.scheduler.index.PurgeCommands;
import io.strongroom.scheduler.index.ScheduledDeletions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduler instances against one real ZooKeeper and one real broker: failover between two, and
 * restarts from a checkpoint. Outcomes are written to the events topic directly (no command-service),
 * so every purge a scheduler sends stays visible on the commands topic.
 */
class DeletionSchedulerTest {
    static final String ACCOUNT = "111122223333";
    static EmbeddedKafka broker;
    static TestingServer zookeeper;

    KafkaSettings kafka;
    Topics topics;
    final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void startServers() throws Exception {
        broker = EmbeddedKafka.builder().build().start();
        zookeeper = new TestingServer(true);
    }

    @AfterAll
    static void stopServers() throws Exception {
        zookeeper.close();
        broker.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void whenTheLeadersSessionEndsTheStandbyTakesOverAndPurges() {
        freshTopics("failover");
        CuratorFramework firstClient = client();
        DeletionScheduler first = scheduler("first", firstClient);
        await().atMost(Duration.ofSeconds(10)).until(first::isLeader);
        DeletionScheduler second = scheduler("second", client());
        Commands sent = new Commands();

        String dueBeforeFailover = scheduleDeletion("app/one", Instant.now().minusSeconds(60));
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.purgesOf(dueBeforeFailover).contains("first"));
        assertThat(second.isLeader()).isFalse();

        firstClient.close();
        await().atMost(Duration.ofSeconds(10)).until(second::isLeader);
        String dueAfterFailover = scheduleDeletion("app/two", Instant.now().minusSeconds(60));

        await().atMost(Duration.ofSeconds(20)).until(() -> sent.purgesOf(dueAfterFailover).contains("second"));
        // The new leader does not know whether the old one's purge took effect: it sends its own, harmlessly.
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.purgesOf(dueBeforeFailover).contains("second"));
        assertThat(sent.purgesOf(dueAfterFailover)).doesNotContain("first");
        assertThat(first.isLeader()).isFalse();
    }

    @Test
    void whenTheLeaderFallsSilentTheStandbyTakesOverOnceItsSessionExpires() throws Exception {
        freshTopics("expiry");
        CuratorFramework firstClient = client();
        DeletionScheduler first = scheduler("first", firstClient);
        await().atMost(Duration.ofSeconds(10)).until(first::isLeader);
        DeletionScheduler second = scheduler("second", client());
        Commands sent = new Commands();

        // What a frozen or partitioned leader goes through once its session timeout has passed.
        firstClient.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
        await().atMost(Duration.ofSeconds(30)).until(second::isLeader);
        String due = scheduleDeletion("app/three", Instant.now().minusSeconds(60));

        await().atMost(Duration.ofSeconds(20)).until(() -> sent.purgesOf(due).contains("second"));
        assertThat(first.isLeader()).isFalse();
    }

    @Test
    void aSecretWhoseWindowHasNotEndedIsNotPurged() {
        freshTopics("not-due");
        DeletionScheduler only = scheduler("only", client());
        await().atMost(Duration.ofSeconds(10)).until(only::isLeader);
        Commands sent = new Commands();

        String later = scheduleDeletion("app/later", Instant.now().plus(Duration.ofDays(7)));
        String due = scheduleDeletion("app/due", Instant.now().minusSeconds(1));

        // Same partition count, same tick: once the due one is sent, the later one was considered too.
        await().atMost(Duration.ofSeconds(20)).until(() -> !sent.purgesOf(due).isEmpty());
        assertThat(sent.purgesOf(later)).isEmpty();
    }

    @Test
    void aRestartReadsOnFromItsCheckpointAndStillPurgesWhatWasScheduledBefore(@TempDir Path stateDir) {
        freshTopics("restart");
        Commands sent = new Commands();
        for (int i = 0; i < 20; i++) {
            scheduleDeletion("app/far-" + i, Instant.now().plus(Duration.ofDays(7)));
        }
        String dueAfterRestart = scheduleDeletion("app/soon", Instant.now().plusSeconds(6));
        DeletionScheduler first = scheduler("first", client(), stateDir);
        await().atMost(Duration.ofSeconds(20)).until(() -> first.recordsRead() == 21);
        first.close();
        assertThat(stateDir.resolve("scheduler-checkpoint.json")).exists();
        assertThat(sent.purgesOf(dueAfterRestart)).isEmpty();

        String writtenWhileDown = scheduleDeletion("app/now", Instant.now().minusSeconds(1));
        DeletionScheduler second = scheduler("second", client(), stateDir);

        await().atMost(Duration.ofSeconds(20)).until(() -> sent.purgesOf(writtenWhileDown).contains("second"));
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.purgesOf(dueAfterRestart).contains("second"));
        // Only the record written after the checkpoint was read again; the 21 before came from the checkpoint.
        assertThat(second.recordsRead()).isEqualTo(1);
    }

    @Test
    void aCheckpointOfATopicCreatedAgainIsIgnoredAndTheLogIsReadFromTheStart(@TempDir Path stateDir) {
        freshTopics("recreated");
        // What the previous topic of this name left: far ahead of this log, and nothing scheduled.
        new CheckpointFile(stateDir).write(new Checkpoint(topics.events(), UUID.randomUUID().toString(),
                Map.of(0, 1_000L, 1, 1_000L), new ScheduledDeletions.Snapshot(List.of(), List.of())));
        Commands sent = new Commands();
        String due = scheduleDeletion("app/due", Instant.now().minusSeconds(1));

        DeletionScheduler only = scheduler("only", client(), stateDir);

        await().atMost(Duration.ofSeconds(20)).until(() -> sent.purgesOf(due).contains("only"));
        assertThat(only.recordsRead()).isEqualTo(1);
    }

    /** Topics of this test's own (two partitions each), so the tests share the broker but not the log. */
    private void freshTopics(String name) {
        kafka = KafkaSettings.of(broker.bootstrapServers());
        String prefix = name + "-" + System.nanoTime();
        topics = new Topics(prefix + ".commands", prefix + ".events", prefix + ".keys", 2);
        TopicProvisioner.ensure(kafka, topics);
    }

    private CuratorFramework client() {
        CuratorFramework client = CuratorClients.start(
                new ZooKeeperSettings(zookeeper.getConnectString(), Duration.ofSeconds(3)));
        toClose.add(client);
        return client;
    }

    private DeletionScheduler scheduler(String instance, CuratorFramework client) {
        return scheduler(instance, client, null);
    }

    private DeletionScheduler scheduler(String instance, CuratorFramework client, Path stateDir) {
        SchedulerConfig config = SchedulerConfig.defaults("eu-west-1", kafka, topics,
                        new ZooKeeperSettings(zookeeper.getConnectString(), Duration.ofSeconds(3)))
                .withTick(Duration.ofMillis(200))
                .withInstanceId(instance)
                .withStateDir(stateDir);
        DeletionScheduler scheduler = new DeletionScheduler(config, client).start();
        toClose.add(scheduler);
        return scheduler;
    }

    /** Writes the outcome of a DeleteSecret as command-service would, and returns the secret's id. */
    private String scheduleDeletion(String name, Instant deletionDate) {
        String secretId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        EventEnvelope event = new EventEnvelope(1, "c:0", "c", secretId, ACCOUNT, 2, "eu-west-1", "user", now,
                new DeletionScheduled(deletionDate));
        Outcome outcome = new Outcome("c", ACCOUNT, now, secretId, Outcome.Status.APPLIED, null, null, List.of(event));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producer("test-events"))) {
            producer.send(new ProducerRecord<>(topics.events(), ACCOUNT + "/" + name, Records.outcome(outcome)));
        }
        return secretId;
    }

    /** Every command on the commands topic, read in the background. */
    private final class Commands implements AutoCloseable {
        private final List<CommandEnvelope> seen = new CopyOnWriteArrayList<>();
        private final KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumer("test-commands", null));

        Commands() {
            List<TopicPartition> partitions = List.of(new TopicPartition(topics.commands(), 0),
                    new TopicPartition(topics.commands(), 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            toClose.add(this);
        }

        /** The instances that sent a purge of this secret so far. */
        List<String> purgesOf(String secretId) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                seen.add(Records.command(record.value()));
            }
            return seen.stream()
                    .filter(c -> c.payload() instanceof PurgeSecret && secretId.equals(c.expectedSecretId()))
                    .map(c -> PurgeCommands.instanceOf(c.commandId()).orElseThrow())
                    .toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
