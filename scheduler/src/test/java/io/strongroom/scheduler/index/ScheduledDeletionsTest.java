package io.strongroom.scheduler.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.PurgeSecret;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.ReplicaEstablished;
import io.strongroom.core.event.ReplicaPromoted;
import io.strongroom.core.event.SecretEvent;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.SecretRestored;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduledDeletionsTest {
    static final String ACCOUNT = "111122223333";
    static final String STEM = ACCOUNT + "/app/db";
    static final String SECRET = "5b3c1c0e-0000-4000-8000-000000000001";
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final Instant DELETION = T0.plus(Duration.ofDays(7));
    static final Duration RETRY = Duration.ofSeconds(60);

    final ScheduledDeletions index = new ScheduledDeletions();

    static Outcome applied(SecretEvent event) {
        EventEnvelope envelope = new EventEnvelope(1, "e1", "c1", SECRET, ACCOUNT, 2, "eu-west-1", "p", T0, event);
        return new Outcome("c1", ACCOUNT, T0, SECRET, Outcome.Status.APPLIED, null, null, List.of(envelope));
    }

    static Outcome purgeRejected(AwsErrorCode code, String message) {
        CommandEnvelope purge = PurgeCommands.purge(new ScheduledDeletion(SECRET, ACCOUNT, STEM, DELETION), "s-1",
                DELETION, Duration.ofSeconds(30));
        return new Outcome(purge.commandId(), ACCOUNT, DELETION, SECRET, Outcome.Status.REJECTED,
                new Rejection(code, message), null, List.of());
    }

    @Test
    void aScheduledSecretIsDueFromItsDeletionDateOnwards() {
        index.apply(STEM, applied(new DeletionScheduled(DELETION)));

        assertThat(index.due(DELETION.minusMillis(1), 0, RETRY)).isEmpty();
        assertThat(index.due(DELETION, 0, RETRY))
                .containsExactly(new ScheduledDeletion(SECRET, ACCOUNT, STEM, DELETION));
    }

    @Test
    void aSentPurgeIsNotSentAgainBeforeTheRetryInterval() {
        index.apply(STEM, applied(new DeletionScheduled(DELETION)));
        index.sent(SECRET, 1_000);

        assertThat(index.due(DELETION, 1_000 + RETRY.toNanos() - 1, RETRY)).isEmpty();
        assertThat(index.due(DELETION, 1_000 + RETRY.toNanos(), RETRY)).hasSize(1);
    }

    @Test
    void aReplicaScheduledForDeletionIsNeverDueItsPrimarysPurgeReachesIt() {
        index.apply(STEM, applied(new ReplicaEstablished("us-east-1", null)));
        index.apply(STEM, applied(new DeletionScheduled(DELETION)));

        assertThat(index.due(DELETION.plus(Duration.ofDays(1)), 0, RETRY)).isEmpty();
    }

    @Test
    void aPromotedReplicasScheduledDeletionIsCarriedOutHere() {
        index.apply(STEM, applied(new ReplicaEstablished("us-east-1", null)));
        index.apply(STEM, applied(new DeletionScheduled(DELETION)));
        index.apply(STEM, applied(new ReplicaPromoted("us-east-1")));

        assertThat(index.due(DELETION, 0, RETRY)).containsExactly(new ScheduledDeletion(SECRET, ACCOUNT, STEM, DELETION));
    }

    @Test
    void anIndexRestoredFromItsSnapshotKnowsTheSameSchedulesAndReplicas() {
        index.apply(STEM, applied(new DeletionScheduled(DELETION)));
        String replicaStem = ACCOUNT + "/app/replica";
        index.apply(replicaStem, appliedTo("replica-1", new ReplicaEstablished("us-east-1", null)));
        index.apply(replicaStem, appliedTo("replica-1", new DeletionScheduled(DELETION)));

        ScheduledDeletions restored = new ScheduledDeletions(io.strongroom.core.codec.Json.read(
                io.strongroom.core.codec.Json.write(index.snapshot()), ScheduledDeletions.Snapshot.class));

        assertThat(restored.size()).isEqualTo(2);
        assertThat(restored.due(DELETION, 0, RETRY)).containsExactly(new ScheduledDeletion(SECRET, ACCOUNT, STEM, DELETION));
    }

    private static Outcome appliedTo(String secretId, SecretEvent event) {
        EventEnvelope envelope = new EventEnvelope(1, "e1", "c1", secretId, ACCOUNT, 2, "eu-west-1", "p", T0, event);
        return new Outcome("c1", ACCOUNT, T0, secretId, Outcome.Status.APPLIED, null, null, List.of(envelope));
    }

    @Test
    void aPurgedSecretLeavesTheSchedule() {
        index.apply(STEM, applied(new DeletionScheduled(DELETION)));
        index.apply(STEM, applied(new SecretPurged()));

        assertThat(index.contains(SECRET)).isFalse();
    }

    @Test
    void aRestoredSecretLeavesTheSchedule() {
        index.apply(STEM, applied(new DeletionScheduled(DELETION)));
        index.apply(STEM, applied(new SecretRestored()));

        assertThat(index.contains(SECRET)).isFalse();
    }

    @Test
    void aPurgeRejectedAsNotScheduledRemovesTheSecret() {
        index.apply(STEM, applied(new DeletionScheduled(DELETION)));
        index.sent(SECRET, 0);
        index.apply(STEM, purgeRejected(AwsErrorCode.INVALID_REQUEST, PurgeSecret.NOT_SCHEDULED));

        assertThat(index.contains(SECRET)).isFalse();
    }

    @Test
    void aPurgeRejectedAsNotFoundRemovesTheSecret() {
        index.apply(STEM, applied(new DeletionScheduled(DELETION)));
        index.apply(STEM, purgeRejected(AwsErrorCode.RESOURCE_NOT_FOUND, "Secrets Manager can't find the specified secret."));

        assertThat(index.contains(SECRET)).isFalse();
    }

    @Test
    void aPurgeRejectedAsNotYetDueIsSentAgainAtTheNextTick() {
        index.apply(STEM, applied(new DeletionScheduled(DELETION)));
        index.sent(SECRET, 0);
        index.apply(STEM, purgeRejected(AwsErrorCode.INVALID_REQUEST, PurgeSecret.NOT_DUE));

        assertThat(index.due(DELETION, 1, RETRY)).hasSize(1);
    }

    @Test
    void anExpiredPurgeIsSentAgainAtTheNextTick() {
        index.apply(STEM, applied(new DeletionScheduled(DELETION)));
        index.sent(SECRET, 0);
        index.apply(STEM, purgeRejected(AwsErrorCode.INTERNAL_SERVICE_ERROR, "expired"));

        assertThat(index.due(DELETION, 1, RETRY)).hasSize(1);
    }

    @Test
    void aNewScheduleReplacesTheDeletionDateAndClearsTheSentMark() {
        index.apply(STEM, applied(new DeletionScheduled(DELETION)));
        index.sent(SECRET, 0);
        Instant later = DELETION.plus(Duration.ofDays(30));
        index.apply(STEM, applied(new DeletionScheduled(later)));

        assertThat(index.due(DELETION, 1, RETRY)).isEmpty();
        assertThat(index.due(later, 1, RETRY)).extracting(ScheduledDeletion::deletionDate).containsExactly(later);
    }

    @Test
    void rejectionsOfOtherCommandsChangeNothing() {
        index.apply(STEM, applied(new DeletionScheduled(DELETION)));
        index.apply(STEM, new Outcome("some-gateway-command", ACCOUNT, DELETION, SECRET, Outcome.Status.REJECTED,
                new Rejection(AwsErrorCode.INVALID_REQUEST, "marked for deletion"), null, List.of()));

        assertThat(index.contains(SECRET)).isTrue();
    }

    @Test
    void aPurgeCommandNamesItsSecretAndSenderAndAddressesTheIncarnation() {
        CommandEnvelope purge = PurgeCommands.purge(new ScheduledDeletion(SECRET, ACCOUNT, STEM, DELETION),
                "host:1", DELETION, Duration.ofSeconds(30));

        assertThat(PurgeCommands.secretIdOf(purge.commandId())).contains(SECRET);
        assertThat(PurgeCommands.instanceOf(purge.commandId())).contains("host:1");
        assertThat(PurgeCommands.secretIdOf("3f0c-uuid")).isEmpty();
        assertThat(purge.expectedSecretId()).isEqualTo(SECRET);
        assertThat(purge.principal()).isEqualTo(PurgeCommands.PRINCIPAL);
        assertThat(purge.deadline()).isEqualTo(DELETION.plusSeconds(30));
        assertThat(purge.payload()).isInstanceOf(PurgeSecret.class);
    }
}
