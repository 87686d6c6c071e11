package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.AggregateScenario.given;
import static io.strongroom.core.aggregate.Fixtures.NAME;
import static io.strongroom.core.aggregate.Fixtures.SECRET_ID;
import static io.strongroom.core.aggregate.Fixtures.added;
import static io.strongroom.core.aggregate.Fixtures.created;
import static io.strongroom.core.aggregate.Fixtures.stages;
import static io.strongroom.core.aggregate.Fixtures.value;
import static io.strongroom.core.aggregate.ReplicationFixtures.PRIMARY_REGION;
import static io.strongroom.core.aggregate.ReplicationFixtures.REPLICA_KEY;
import static io.strongroom.core.aggregate.ReplicationFixtures.delta;
import static io.strongroom.core.aggregate.ReplicationFixtures.established;
import static io.strongroom.core.aggregate.ReplicationFixtures.fromReplicator;
import static io.strongroom.core.aggregate.ReplicationFixtures.primaryFrom;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.command.Command;
import io.strongroom.core.command.DeleteResourcePolicy;
import io.strongroom.core.command.DeleteSecret;
import io.strongroom.core.command.OverwriteForReplica;
import io.strongroom.core.command.PurgeSecret;
import io.strongroom.core.command.PutResourcePolicy;
import io.strongroom.core.command.PutSecretValue;
import io.strongroom.core.command.RemoveRegionsFromReplication;
import io.strongroom.core.command.RemoveReplica;
import io.strongroom.core.command.ReplicateSecretToRegions;
import io.strongroom.core.command.RestoreSecret;
import io.strongroom.core.command.StopReplicationToReplica;
import io.strongroom.core.command.TagResource;
import io.strongroom.core.command.UntagResource;
import io.strongroom.core.command.UpdateSecret;
import io.strongroom.core.command.UpdateSecretVersionStage;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.ReplicaPromoted;
import io.strongroom.core.event.ReplicaRegionsAdded;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.SecretUpdated;
import io.strongroom.core.event.TagsSet;
import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.replication.ReplicaReply;
import io.strongroom.core.replication.ReplicaReply.Result;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.Tag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A replica in its own region: read-only but for its KmsKeyId, promotable, removable by its primary, overwritable. */
class ReplicaRegionTest {
    static final String OTHER_SECRET = "ffffffff-0000-4000-8000-00000000000f";

    static AggregateScenario replica() {
        return given(created(), established(), added("v1"), stages("v1", "AWSCURRENT"));
    }

    static List<Command> clientChanges() {
        return List.of(new PutSecretValue("v2", value("v2"), null),
                new UpdateSecret("new description", null, null, null),
                new UpdateSecret(null, "alias/k", "v2", value("v2")),
                new UpdateSecret("text", "alias/k", null, null),
                new TagResource(List.of(new Tag("k", "v"))), new UntagResource(List.of("k")),
                new UpdateSecretVersionStage("AWSCURRENT", null, "v1"),
                new PutResourcePolicy("{}", false), new DeleteResourcePolicy(),
                new DeleteSecret(7, false), new DeleteSecret(null, true), new RestoreSecret(), new PurgeSecret(),
                new ReplicateSecretToRegions(List.of(new ReplicaRegion("ap-south-1", null)), false),
                new RemoveRegionsFromReplication(List.of("ap-south-1")));
    }

    @ParameterizedTest
    @MethodSource("clientChanges")
    void everyChangeToAReplicaInItsRegionIsRefusedWithAwsError(Command change) {
        replica().when(change)
                .expectRejection(AwsErrorCode.INVALID_PARAMETER, ReplicaRules.NOT_PERMITTED_ON_REPLICA);
    }

    @Test
    void onlyItsKmsKeyIdCanBeChangedAndItsKeysAreRewrapped() {
        io.strongroom.core.crypto.WrappedKey rewrapped = value("rewrapped").wrappedKey();
        HandledCommand handled = replica()
                .when(new UpdateSecret(null, "alias/replica-other", null, null, Map.of("v1", rewrapped)))
                .expectEvents(new SecretUpdated(null, "alias/replica-other"));

        assertThat(handled.keyChanges()).containsExactly(KeyChange.put(SECRET_ID, "v1", rewrapped));
        assertThat(handled.stateAfter().kmsKeyId()).isEqualTo("alias/replica-other");
    }

    @Test
    void aReplicasOwnChangeDoesNotAdvanceItsSequenceSoThePrimarysNextDeltaStillApplies() {
        HandledCommand rekeyed = replica().when(new UpdateSecret(null, "alias/replica-other", null, null)).run();
        assertThat(rekeyed.outcome().events()).extracting(EventEnvelope::seq).containsExactly(3L);

        HandledCommand next = new CommandHandler(Fixtures.REGION).handle(
                fromReplicator(delta(primaryFrom(4, new TagsSet(List.of(new Tag("k", "v")))))), rekeyed.stateAfter(),
                Fixtures.NOW);

        assertThat(next.outcome().replica()).isEqualTo(new ReplicaReply(4, Result.APPLIED));
        assertThat(next.stateAfter().kmsKeyId()).isEqualTo("alias/replica-other");
    }

    @Test
    void stopReplicationToReplicaPromotesItToAStandaloneSecretThatCanChange() {
        HandledCommand promoted = replica().when(new StopReplicationToReplica())
                .expectEvents(new ReplicaPromoted(PRIMARY_REGION));

        assertThat(promoted.stateAfter().isReplica()).isFalse();
        assertThat(promoted.outcome().events().get(0).seq()).isEqualTo(3);
        HandledCommand tagged = new CommandHandler(Fixtures.REGION).handle(
                new io.strongroom.core.command.CommandEnvelope("c2", Fixtures.ACCOUNT, Fixtures.PRINCIPAL,
                        Fixtures.NOW.plusSeconds(30), NAME, null, new TagResource(List.of(new Tag("k", "v")))),
                promoted.stateAfter(), Fixtures.NOW);
        assertThat(tagged.outcome().status()).isEqualTo(Outcome.Status.APPLIED);
        assertThat(tagged.outcome().events().get(0).seq()).isEqualTo(4);
    }

    @Test
    void aReplicaScheduledForDeletionCanStillBePromoted() {
        given(created(), established(), new DeletionScheduled(Fixtures.NOW))
                .when(new StopReplicationToReplica())
                .expectEvents(new ReplicaPromoted(PRIMARY_REGION));
    }

    // --- RemoveReplica --------------------------------------------------------------------------

    @Test
    void removeReplicaPurgesTheReplicaAndShredsItsKeysWithoutAdvancingItsSequence() {
        HandledCommand handled = replica().when(fromReplicator(new RemoveReplica(PRIMARY_REGION, SECRET_ID))).run();

        assertThat(handled.outcome().status()).isEqualTo(Outcome.Status.APPLIED);
        assertThat(handled.outcome().replica()).isEqualTo(new ReplicaReply(3, Result.APPLIED));
        assertThat(handled.outcome().events()).extracting(EventEnvelope::payload).containsExactly(new SecretPurged());
        assertThat(handled.outcome().events().get(0).seq()).isEqualTo(3);
        assertThat(handled.keyChanges()).containsExactly(KeyChange.shred(SECRET_ID, "v1"));
        assertThat(handled.stateAfter().lifecycle()).isEqualTo(Lifecycle.PURGED);
    }

    @Test
    void removeReplicaWhenNoSecretHoldsTheNameIsAlreadyApplied() {
        HandledCommand handled = given().when(fromReplicator(new RemoveReplica(PRIMARY_REGION, SECRET_ID))).run();

        assertThat(handled.outcome().status()).isEqualTo(Outcome.Status.UNCHANGED);
        assertThat(handled.outcome().replica()).isEqualTo(new ReplicaReply(0, Result.ALREADY_APPLIED));
    }

    @Test
    void removeReplicaLeavesAnotherSecretHoldingTheNameAlone() {
        HandledCommand handled = given(new SecretCreated(NAME, null, null, List.of()))
                .when(fromReplicator(new RemoveReplica(PRIMARY_REGION, OTHER_SECRET))).run();

        assertThat(handled.outcome().status()).isEqualTo(Outcome.Status.UNCHANGED);
        assertThat(handled.outcome().replica()).isEqualTo(new ReplicaReply(0, Result.ALREADY_APPLIED));
        assertThat(handled.keyChanges()).isEmpty();
    }

    @Test
    void removeReplicaOfAPromotedReplicaAnswersPromoted() {
        HandledCommand handled = given(created(), established(), new ReplicaPromoted(PRIMARY_REGION))
                .when(fromReplicator(new RemoveReplica(PRIMARY_REGION, SECRET_ID))).run();

        assertThat(handled.outcome().status()).isEqualTo(Outcome.Status.REJECTED);
        assertThat(handled.outcome().replica()).isEqualTo(new ReplicaReply(1, Result.PROMOTED));
    }

    // --- OverwriteForReplica --------------------------------------------------------------------

    @Test
    void overwriteForReplicaPurgesTheStandaloneSecretHoldingTheName() {
        HandledCommand handled = given(new SecretCreated(NAME, null, null, List.of()), added("v1"))
                .when(fromReplicator(new OverwriteForReplica(PRIMARY_REGION, OTHER_SECRET))).run();

        assertThat(handled.outcome().status()).isEqualTo(Outcome.Status.APPLIED);
        assertThat(handled.outcome().replica()).isEqualTo(new ReplicaReply(0, Result.APPLIED));
        assertThat(handled.outcome().events()).extracting(EventEnvelope::payload).containsExactly(new SecretPurged());
        assertThat(handled.keyChanges()).containsExactly(KeyChange.shred(SECRET_ID, "v1"));
    }

    @Test
    void overwriteThenTheReplayCreatesTheReplica() {
        HandledCommand overwritten = given(new SecretCreated(NAME, null, null, List.of()))
                .when(fromReplicator(new OverwriteForReplica(PRIMARY_REGION, OTHER_SECRET))).run();

        // The purged holder frees the name: the replay from seq 1 creates the replica.
        io.strongroom.core.command.ApplyReplicaDelta replay = new io.strongroom.core.command.ApplyReplicaDelta(
                PRIMARY_REGION, OTHER_SECRET, REPLICA_KEY, true,
                List.of(new EventEnvelope(1, "p:0", "p", OTHER_SECRET, Fixtures.ACCOUNT, 1, PRIMARY_REGION, "p",
                        Fixtures.T0, new SecretCreated(NAME, null, null, List.of()))), Map.of(), Map.of());
        assertThat(overwritten.stateAfter().lifecycle()).isEqualTo(Lifecycle.PURGED);
        HandledCommand created = new CommandHandler(Fixtures.REGION).handle(fromReplicator(replay), null, Fixtures.NOW);
        assertThat(created.outcome().replica()).isEqualTo(new ReplicaReply(1, Result.APPLIED));
        assertThat(created.stateAfter().secretId()).isEqualTo(OTHER_SECRET);
    }

    @Test
    void overwriteWhenTheReplicaAlreadyHoldsTheNameIsAlreadyApplied() {
        HandledCommand handled = replica().when(fromReplicator(new OverwriteForReplica(PRIMARY_REGION, SECRET_ID))).run();

        assertThat(handled.outcome().status()).isEqualTo(Outcome.Status.UNCHANGED);
        assertThat(handled.outcome().replica()).isEqualTo(new ReplicaReply(3, Result.ALREADY_APPLIED));
    }

    @Test
    void overwriteNeverPurgesAPrimaryThatHasReplicasOfItsOwn() {
        HandledCommand handled = given(new SecretCreated(NAME, null, null, List.of()),
                new ReplicaRegionsAdded(List.of(new ReplicaRegion("ap-south-1", null)), false))
                .when(fromReplicator(new OverwriteForReplica(PRIMARY_REGION, OTHER_SECRET))).run();

        assertThat(handled.outcome().status()).isEqualTo(Outcome.Status.REJECTED);
        assertThat(handled.outcome().replica()).isEqualTo(new ReplicaReply(0, Result.NAME_TAKEN));
        assertThat(handled.keyChanges()).isEmpty();
    }

    @Test
    void overwriteWhenNoSecretHoldsTheNameIsAlreadyApplied() {
        HandledCommand handled = given().when(fromReplicator(new OverwriteForReplica(PRIMARY_REGION, SECRET_ID))).run();

        assertThat(handled.outcome().replica()).isEqualTo(new ReplicaReply(0, Result.ALREADY_APPLIED));
    }

    @Test
    void readsOfAReplicaSeeTheReplicasKey() {
        assertThat(replica().state().kmsKeyId()).isEqualTo(REPLICA_KEY);
        assertThat(replica().state().primaryRegion()).isEqualTo(PRIMARY_REGION);
    }
}
