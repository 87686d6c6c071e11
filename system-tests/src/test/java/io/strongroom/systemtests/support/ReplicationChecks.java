package io.strongroom.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.replication.ReplicableEvents;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ReplicationStatusType;
import software.amazon.awssdk.services.secretsmanager.model.StatusType;

/**
 * What replication tests wait for and check: a replica's status as the primary's DescribeSecret shows
 * it, and, straight from both regions' event logs, that every change reached the replica exactly once.
 */
public final class ReplicationChecks {
    /** Generous: the machine is shared, and a region coming back takes a broker restart. */
    public static final Duration PATIENCE = Duration.ofSeconds(90);

    private ReplicationChecks() {}

    /** The primary's ReplicationStatus entry for {@code region}, if it lists one. */
    public static Optional<ReplicationStatusType> status(SecretsManagerClient primary, String secretId, String region) {
        return primary.describeSecret(r -> r.secretId(secretId)).replicationStatus().stream()
                .filter(s -> s.region().equals(region)).findFirst();
    }

    public static void awaitStatus(SecretsManagerClient primary, String secretId, String region, StatusType status) {
        Awaitility.await(secretId + " " + status + " in " + region)
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(status(primary, secretId, region))
                        .map(ReplicationStatusType::status).hasValue(status));
    }

    public static void awaitInSync(SecretsManagerClient primary, String secretId, String region) {
        awaitStatus(primary, secretId, region, StatusType.IN_SYNC);
    }

    /**
     * Every replicable change of the secret named {@code name} in the primary's log appears in the
     * replica region's log exactly once, in order: sequence numbers 1..n, none missing, none twice.
     */
    public static void assertReplicatedExactlyOnce(FixtureRegion primary, FixtureRegion replica, String account,
            String name) {
        List<Outcome> primaryLog = primary.events();
        String incarnation = incarnation(primaryLog, account, name);
        List<Long> primarySeqs = replicableSeqs(primaryLog, account, incarnation);
        List<Long> replicaSeqs = replicableSeqs(replica.events(), account, incarnation);

        long last = primarySeqs.isEmpty() ? 0 : primarySeqs.get(primarySeqs.size() - 1);
        List<Long> expected = LongStream.rangeClosed(1, last).boxed().toList();
        assertThat(primarySeqs).as("the primary's own sequence").isEqualTo(expected);
        assertThat(replicaSeqs).as("sequence numbers applied in %s", replica.name()).isEqualTo(expected);
    }

    /** The id of the newest incarnation named {@code name} in {@code account}. */
    public static String incarnation(List<Outcome> log, String account, String name) {
        String found = null;
        for (Outcome outcome : log) {
            if (outcome.status() != Outcome.Status.APPLIED || !account.equals(outcome.account())) {
                continue;
            }
            for (EventEnvelope e : outcome.events()) {
                if (e.payload() instanceof SecretCreated created && created.name().equals(name)) {
                    found = e.secretId();
                }
            }
        }
        assertThat(found).as("a SecretCreated for %s in account %s", name, account).isNotNull();
        return found;
    }

    private static List<Long> replicableSeqs(List<Outcome> log, String account, String incarnation) {
        return log.stream()
                .filter(o -> o.status() == Outcome.Status.APPLIED && account.equals(o.account()))
                .flatMap(o -> o.events().stream())
                .filter(e -> incarnation.equals(e.secretId()) && ReplicableEvents.isReplicable(e.payload()))
                .map(EventEnvelope::seq)
                .toList();
    }
}
