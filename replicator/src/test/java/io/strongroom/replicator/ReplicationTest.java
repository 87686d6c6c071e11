package io.strongroom.replicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.strongroom.core.command.StopReplicationToReplica;
import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.replication.ReplicaStatus;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import io.strongroom.replicator.metrics.ReplicationLag;
import io.strongroom.replicator.support.EventsLog;
import io.strongroom.replicator.support.TestRegion;
import io.strongroom.replicator.support.Writes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replicator between two real regions: two KRaft brokers, two ZooKeepers, the real command-service
 * and projection in each. The primary writes through its commands topic as the gateway does; what the
 * replica region holds is read from its projection and its events log.
 */
class ReplicationTest {
    static final String PRIMARY = "us-east-1";
    static final String REPLICA = "eu-west-1";
    static final AtomicInteger SECRETS = new AtomicInteger();

    @TempDir
    static Path dir;
    static TestRegion primary;
    static TestRegion replica;

    final List<AutoCloseable> toClose = new ArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startRegions() throws Exception {
        primary = new TestRegion(PRIMARY, dir.resolve(PRIMARY));
        replica = new TestRegion(REPLICA, dir.resolve(REPLICA));
        primary.start();
        replica.start();
    }

    @AfterAll
    static void stopRegions() throws Exception {
        replica.close();
        primary.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void a_new_replica_gets_the_secrets_history_and_each_later_change_as_a_delta() {
        replicator("only", primary.curator());
        Writes secret = new Writes(primary, "app/delta-" + SECRETS.incrementAndGet());
        secret.create("first", List.of(new ReplicaRegion(REPLICA, null)));
        awaitInSync(secret);

        secret.put("second");
        secret.tag("team", "payments");

        awaitInSync(secret);
        SecretState copy = replicaState(secret).orElseThrow();
        assertThat(copy.secretId()).isEqualTo(secret.secretId());
        assertThat(copy.primaryRegion()).isEqualTo(PRIMARY);
        assertThat(copy.tags()).extracting(t -> t.key()).containsExactly("team");
        assertThat(currentValueInReplica(secret)).isEqualTo("second");
        assertEachChangeAppliedOnce(secret);
        assertThat(meters.find(ReplicationLag.NAME).tag("target", REPLICA).timer().count()).isPositive();
    }

    @Test
    void a_replica_that_missed_changes_is_repaired_by_a_replay_from_the_primarys_log() {
        Writes secret = new Writes(primary, "app/gap-" + SECRETS.incrementAndGet());
        Replicator first = replicator("first", primary.curator());
        secret.create("first", List.of(new ReplicaRegion(REPLICA, null)));
        awaitInSync(secret);
        first.close();

        secret.put("missed-1");
        secret.put("missed-2");
        skipEverythingReadSoFar();
        secret.put("latest");
        replicator("second", primary.curator());

        awaitInSync(secret);
        assertThat(currentValueInReplica(secret)).isEqualTo("latest");
        assertEachChangeAppliedOnce(secret);
    }

    @Test
    void a_replica_region_whose_broker_stops_shows_failed_and_converges_when_it_returns() {
        replicator("only", primary.curator());
        Writes secret = new Writes(primary, "app/outage-" + SECRETS.incrementAndGet());
        secret.create("before", List.of(new ReplicaRegion(REPLICA, null)));
        awaitInSync(secret);

        replica.stopBroker();
        try {
            secret.put("during-1");
            secret.put("during-2");
            await().atMost(Duration.ofSeconds(60)).until(() -> status(secret)
                    .filter(s -> s.status() == ReplicationState.FAILED && s.statusMessage().contains("unreachable"))
                    .isPresent());
        } finally {
            replica.startBroker();
        }

        awaitInSync(secret);
        assertThat(currentValueInReplica(secret)).isEqualTo("during-2");
        assertEachChangeAppliedOnce(secret);
    }

    @Test
    void when_the_active_replicator_closes_the_standby_carries_on() {
        Replicator first = replicator("first", primary.curator());
        await().atMost(Duration.ofSeconds(10)).until(first::isLeader);
        Replicator second = replicator("second", primary.curator());
        Writes secret = new Writes(primary, "app/failover-" + SECRETS.incrementAndGet());
        secret.create("before", List.of(new ReplicaRegion(REPLICA, null)));
        awaitInSync(secret);
        assertThat(second.isLeader()).isFalse();
        assertThat(second.targets()).isEmpty();

        first.close();
        await().atMost(Duration.ofSeconds(10)).until(second::isLeader);
        secret.put("after");

        awaitInSync(secret);
        assertThat(currentValueInReplica(secret)).isEqualTo("after");
        assertEachChangeAppliedOnce(secret);
    }

    @Test
    void a_promoted_replica_is_forgotten_by_its_primary_also_when_the_primary_was_down_at_the_time() {
        replicator("primary", primary.curator());
        replicator(replica, primary, "replica-side", replica.curator());
        Writes secret = new Writes(primary, "app/promoted-" + SECRETS.incrementAndGet());
        secret.create(null, List.of(new ReplicaRegion(REPLICA, null)));
        secret.tag("owner", "ops");
        awaitInSync(secret);

        primary.stopBroker();
        try {
            new Writes(replica, secret.name(), secret.secretId()).send(new StopReplicationToReplica());
            await().atMost(Duration.ofSeconds(30)).until(() -> replicaState(secret)
                    .filter(s -> !s.isReplica()).isPresent());
        } finally {
            primary.startBroker();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> primaryState(secret)
                .filter(s -> s.replicas().isEmpty()).isPresent());
        assertThat(replicaState(secret).orElseThrow().tags()).extracting(t -> t.key()).containsExactly("owner");
    }

    private Replicator replicator(String instance, CuratorFramework curator) {
        return replicator(primary, replica, instance, curator);
    }

    private Replicator replicator(TestRegion from, TestRegion to, String instance, CuratorFramework curator) {
        Replicator replicator = new Replicator(ReplicatorConfig.builder()
                .region(from.name)
                .kafka(from.kafka())
                .topics(from.topics)
                .peers(() -> List.of(to.asPeer()))
                .readModel(from.projection().readModel())
                .cipher(from.cipher)
                .curator(curator)
                .ackTimeout(Duration.ofSeconds(3))
                .maxBackoff(Duration.ofSeconds(2))
                .peerRefresh(Duration.ofMillis(200))
                .meters(meters)
                .instanceId(instance)
                .build()).start();
        toClose.add(replicator);
        return replicator;
    }

    /** As if the replicator had lost the records up to now: its group's positions moved to the end. */
    private void skipEverythingReadSoFar() {
        String group = "strongroom-replicator-" + PRIMARY + "-to-" + REPLICA;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(primary.kafka().consumer("skip", group))) {
            List<TopicPartition> partitions = consumer.partitionsFor(primary.topics.events()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            java.util.Map<TopicPartition, OffsetAndMetadata> ends = new java.util.HashMap<>();
            partitions.forEach(tp -> ends.put(tp, new OffsetAndMetadata(consumer.position(tp))));
            consumer.commitSync(ends);
        }
    }

    private void awaitInSync(Writes secret) {
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Optional<SecretState> state = primaryState(secret);
                return state.isPresent() && status(secret)
                        .filter(s -> s.status() == ReplicationState.IN_SYNC && s.ackedSeq() == state.get().seq())
                        .isPresent();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not in sync: primary seq " + primaryState(secret).map(SecretState::seq)
                    + ", status " + status(secret) + ", replica answers " + EventsLog.outcomes(replica).stream()
                    .filter(o -> secret.secretId().equals(o.secretId()) || o.replica() != null)
                    .map(o -> o.status() + "/" + o.replica() + "/" + o.rejection()).toList(), e);
        }
    }

    private Optional<ReplicaStatus> status(Writes secret) {
        return primaryState(secret).flatMap(s -> s.replicas().stream().filter(r -> r.region().equals(REPLICA))
                .findFirst());
    }

    private Optional<SecretState> primaryState(Writes secret) {
        return get(primary.projection().readModel().secret(TestRegion.ACCOUNT, secret.name()));
    }

    private Optional<SecretState> replicaState(Writes secret) {
        return get(replica.projection().readModel().secret(TestRegion.ACCOUNT, secret.name()));
    }

    /** The replica's current value, opened with the replica region's own master key. */
    private String currentValueInReplica(Writes secret) {
        await().atMost(Duration.ofSeconds(30)).until(() -> replicaState(secret)
                .filter(s -> s.seq() == primaryState(secret).orElseThrow().seq()).isPresent());
        SecretState state = replicaState(secret).orElseThrow();
        SecretVersion current = state.versionWithStage("AWSCURRENT").orElseThrow();
        WrappedKey key = get(replica.projection().readModel().dataKey(state.secretId(), current.versionId()))
                .orElseThrow();
        byte[] value = replica.cipher.open(current.value(), key,
                EnvelopeCipher.associatedData(TestRegion.ACCOUNT, state.secretId(), current.versionId())).orElseThrow();
        return new String(value, StandardCharsets.UTF_8);
    }

    /** The no-loss / no-duplicate check: the replica applied each of the primary's sequence numbers exactly once. */
    private void assertEachChangeAppliedOnce(Writes secret) {
        long seq = primaryState(secret).orElseThrow().seq();
        assertThat(EventsLog.appliedSeqs(replica, secret.secretId()))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, seq).boxed().toList());
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
