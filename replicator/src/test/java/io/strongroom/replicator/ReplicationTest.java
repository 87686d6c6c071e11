package io.strongroom.replicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.strongroom.core.command.RemoveRegionsFromReplication;
import io.strongroom.core.command.ReplicateSecretToRegions;
import io.strongroom.core.command.StopReplicationToReplica;
import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.SecretState;
import io.strongroom.replicator.metrics.ReplicationLag;
import io.strongroom.replicator.support.Replication;
import io.strongroom.replicator.support.TestRegion;
import io.strongroom.replicator.support.Writes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
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
    static Replication replication;

    final List<AutoCloseable> toClose = new ArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startRegions() throws Exception {
        primary = new TestRegion(PRIMARY, dir.resolve(PRIMARY));
        replica = new TestRegion(REPLICA, dir.resolve(REPLICA));
        primary.start();
        replica.start();
        replication = new Replication(primary, replica);
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
        replication.awaitInSync(secret);

        secret.put("second");
        secret.tag("team", "payments");

        replication.awaitInSync(secret);
        SecretState copy = replication.replicaState(secret).orElseThrow();
        assertThat(copy.secretId()).isEqualTo(secret.secretId());
        assertThat(copy.primaryRegion()).isEqualTo(PRIMARY);
        assertThat(copy.tags()).extracting(t -> t.key()).containsExactly("team");
        assertThat(replication.currentValueInReplica(secret)).isEqualTo("second");
        replication.assertEachChangeAppliedOnce(secret);
        var lag = meters.find(ReplicationLag.NAME).tag("target", REPLICA).timer();
        assertThat(lag.count()).isPositive();
        assertThat(lag.takeSnapshot().percentileValues()).extracting(p -> p.percentile()).containsExactly(0.5, 0.99);
    }

    @Test
    void the_replica_region_wraps_the_data_keys_under_the_replicas_own_kms_key() {
        replicator("only", primary.curator());
        Writes secret = new Writes(primary, "app/custom-key-" + SECRETS.incrementAndGet());

        secret.create("first", List.of(new ReplicaRegion(REPLICA, TestRegion.CUSTOM_KEY)));
        secret.put("second");

        replication.awaitInSync(secret);
        assertThat(replication.currentValueInReplica(secret)).isEqualTo("second");
        assertThat(replication.replicaMasterKeyOfCurrentVersion(secret)).isEqualTo(TestRegion.CUSTOM_KEY + "#1");
    }

    @Test
    void replicating_an_existing_secret_replays_its_history_from_the_primarys_log() {
        replicator("only", primary.curator());
        Writes secret = new Writes(primary, "app/existing-" + SECRETS.incrementAndGet());
        secret.create("first", List.of());
        secret.put("second");
        secret.tag("tier", "gold");

        secret.send(new ReplicateSecretToRegions(List.of(new ReplicaRegion(REPLICA, null)), false));

        replication.awaitInSync(secret);
        assertThat(replication.currentValueInReplica(secret)).isEqualTo("second");
        replication.assertEachChangeAppliedOnce(secret);
    }

    @Test
    void a_name_taken_in_the_replica_region_fails_with_awss_message_unless_overwriting_is_allowed() {
        replicator("only", primary.curator());
        String name = "app/taken-" + SECRETS.incrementAndGet();
        new Writes(replica, name).create("theirs", List.of());
        Writes refused = new Writes(primary, name);

        refused.create("ours", List.of(new ReplicaRegion(REPLICA, null)));

        await().atMost(Duration.ofSeconds(60)).until(() -> replication.status(refused)
                .filter(s -> s.status() == ReplicationState.FAILED && s.statusMessage().contains("already exists"))
                .isPresent());
        Writes forced = new Writes(primary, name + "-forced");
        new Writes(replica, forced.name()).create("theirs", List.of());

        forced.create("ours", List.of(new ReplicaRegion(REPLICA, null)), true);

        replication.awaitInSync(forced);
        assertThat(replication.currentValueInReplica(forced)).isEqualTo("ours");
    }

    @Test
    void removing_a_region_from_replication_deletes_the_replica_there() {
        replicator("only", primary.curator());
        Writes secret = new Writes(primary, "app/removed-" + SECRETS.incrementAndGet());
        secret.create("first", List.of(new ReplicaRegion(REPLICA, null)));
        replication.awaitInSync(secret);

        secret.send(new RemoveRegionsFromReplication(List.of(REPLICA)));

        await().atMost(Duration.ofSeconds(60)).until(() -> replication.replicaState(secret).isEmpty());
        assertThat(replication.primaryState(secret).orElseThrow().replicas()).isEmpty();
    }

    @Test
    void a_replica_that_missed_changes_is_repaired_by_a_replay_from_the_primarys_log() {
        Writes secret = new Writes(primary, "app/gap-" + SECRETS.incrementAndGet());
        Replicator first = replicator("first", primary.curator());
        secret.create("first", List.of(new ReplicaRegion(REPLICA, null)));
        replication.awaitInSync(secret);
        first.close();

        secret.put("missed-1");
        secret.put("missed-2");
        replication.skipEverythingReadSoFar();
        secret.put("latest");
        replicator("second", primary.curator());

        replication.awaitInSync(secret);
        assertThat(replication.currentValueInReplica(secret)).isEqualTo("latest");
        replication.assertEachChangeAppliedOnce(secret);
    }

    @Test
    void a_replica_region_whose_broker_stops_shows_failed_and_converges_when_it_returns() {
        replicator("only", primary.curator());
        Writes sentDuring = new Writes(primary, "app/outage-" + SECRETS.incrementAndGet());
        Writes changedLater = new Writes(primary, "app/outage-later-" + SECRETS.incrementAndGet());
        sentDuring.create("before", List.of(new ReplicaRegion(REPLICA, null)));
        changedLater.create("before", List.of(new ReplicaRegion(REPLICA, null)));
        replication.awaitInSync(sentDuring);
        replication.awaitInSync(changedLater);

        replica.stopBroker();
        try {
            sentDuring.put("during-1");
            sentDuring.put("during-2");
            awaitFailedUnreachable(sentDuring);
            // The stream is disconnected by now: a change made meanwhile shows Failed too.
            changedLater.put("during");
            awaitFailedUnreachable(changedLater);
        } finally {
            replica.startBroker();
        }

        replication.awaitInSync(sentDuring);
        replication.awaitInSync(changedLater);
        assertThat(replication.currentValueInReplica(sentDuring)).isEqualTo("during-2");
        assertThat(replication.currentValueInReplica(changedLater)).isEqualTo("during");
        replication.assertEachChangeAppliedOnce(sentDuring);
        replication.assertEachChangeAppliedOnce(changedLater);
    }

    private void awaitFailedUnreachable(Writes secret) {
        await().atMost(Duration.ofSeconds(60)).until(() -> replication.status(secret)
                .filter(s -> s.status() == ReplicationState.FAILED && s.statusMessage().contains("unreachable"))
                .isPresent());
    }

    @Test
    void when_the_active_replicator_closes_the_standby_carries_on() {
        Replicator first = replicator(primary, replica, "first", null);
        await().atMost(Duration.ofSeconds(10)).until(first::isLeader);
        Replicator second = replicator("second", primary.curator());
        Writes secret = new Writes(primary, "app/failover-" + SECRETS.incrementAndGet());
        secret.create("before", List.of(new ReplicaRegion(REPLICA, null)));
        replication.awaitInSync(secret);
        assertThat(second.isLeader()).isFalse();
        assertThat(second.targets()).isEmpty();

        first.close();
        await().atMost(Duration.ofSeconds(10)).until(second::isLeader);
        secret.put("after");

        replication.awaitInSync(secret);
        assertThat(replication.currentValueInReplica(secret)).isEqualTo("after");
        replication.assertEachChangeAppliedOnce(secret);
    }

    @Test
    void when_the_active_replicators_session_expires_the_standby_takes_over() throws Exception {
        CuratorFramework firstClient = primary.curator();
        Replicator first = replicator("first", firstClient);
        await().atMost(Duration.ofSeconds(10)).until(first::isLeader);
        Replicator second = replicator("second", primary.curator());
        Writes secret = new Writes(primary, "app/expiry-" + SECRETS.incrementAndGet());
        secret.create("before", List.of(new ReplicaRegion(REPLICA, null)));
        replication.awaitInSync(secret);

        // What a frozen or crashed leader goes through once its session timeout has passed.
        firstClient.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
        await().atMost(Duration.ofSeconds(30)).until(second::isLeader);
        await().atMost(Duration.ofSeconds(30)).until(() -> first.targets().isEmpty());
        secret.put("after");

        replication.awaitInSync(secret);
        assertThat(replication.currentValueInReplica(secret)).isEqualTo("after");
        replication.assertEachChangeAppliedOnce(secret);
    }

    @Test
    void a_promoted_replica_is_forgotten_by_its_primary_also_when_the_primary_was_down_at_the_time() {
        replicator("primary", primary.curator());
        replicator(replica, primary, "replica-side", replica.curator());
        Writes secret = new Writes(primary, "app/promoted-" + SECRETS.incrementAndGet());
        secret.create(null, List.of(new ReplicaRegion(REPLICA, null)));
        secret.tag("owner", "ops");
        replication.awaitInSync(secret);

        primary.stopBroker();
        try {
            new Writes(replica, secret.name(), secret.secretId()).send(new StopReplicationToReplica());
            await().atMost(Duration.ofSeconds(30)).until(() -> replication.replicaState(secret)
                    .filter(s -> !s.isReplica()).isPresent());
        } finally {
            primary.startBroker();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> replication.primaryState(secret)
                .filter(s -> s.replicas().isEmpty()).isPresent());
        assertThat(replication.replicaState(secret).orElseThrow().tags()).extracting(t -> t.key()).containsExactly("owner");
    }

    private Replicator replicator(String instance, CuratorFramework curator) {
        return replicator(primary, replica, instance, curator);
    }

    /** @param curator the caller's client, or null for a replicator with a client of its own */
    private Replicator replicator(TestRegion from, TestRegion to, String instance, CuratorFramework curator) {
        Replicator replicator = new Replicator(ReplicatorConfig.builder()
                .region(from.name)
                .kafka(from.kafka())
                .topics(from.topics)
                .peers(() -> List.of(to.asPeer()))
                .readModel(from.projection().readModel())
                .cipher(from.cipher)
                .curator(curator)
                .zookeeper(curator == null ? from.zooKeeperSettings() : null)
                .ackTimeout(Duration.ofSeconds(3))
                .maxBackoff(Duration.ofSeconds(2))
                .peerRefresh(Duration.ofMillis(200))
                .meters(meters)
                .instanceId(instance)
                .build()).start();
        toClose.add(replicator);
        return replicator;
    }
}
