package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.AggregateScenario.given;
import static io.strongroom.core.aggregate.Fixtures.NAME;
import static io.strongroom.core.aggregate.Fixtures.NOW;
import static io.strongroom.core.aggregate.Fixtures.SECRET_ID;
import static io.strongroom.core.aggregate.Fixtures.added;
import static io.strongroom.core.aggregate.Fixtures.created;
import static io.strongroom.core.aggregate.Fixtures.stages;
import static io.strongroom.core.aggregate.ReplicationFixtures.PRIMARY_REGION;
import static io.strongroom.core.aggregate.ReplicationFixtures.REPLICA_KEY;
import static io.strongroom.core.aggregate.ReplicationFixtures.delta;
import static io.strongroom.core.aggregate.ReplicationFixtures.established;
import static io.strongroom.core.aggregate.ReplicationFixtures.fromReplicator;
import static io.strongroom.core.aggregate.ReplicationFixtures.primaryFrom;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.arn.SecretArn;
import io.strongroom.core.command.ApplyReplicaDelta;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.OverwriteForReplica;
import io.strongroom.core.command.ReportReplicationStatus;
import io.strongroom.core.command.TagResource;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.ReplicaEstablished;
import io.strongroom.core.event.ReplicaPromoted;
import io.strongroom.core.event.ReplicaRegionsAdded;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.TagsSet;
import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.replication.ReplicaReply;
import io.strongroom.core.replication.ReplicaReply.Result;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.Tag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sequences across several commands: a primary purged and re-created, a replica promoted while its
 * primary kept writing, a forced overwrite, and late or repeated deliveries. Each step runs through
 * {@link CommandHandler} on the state the previous step left.
 */
class ReplicationEdgeCasesTest {
    static final String NEW_INCARNATION = "9a9a9a9a-0000-4000-8000-00000000000b";
    final CommandHandler replicaRegion = new CommandHandler(Fixtures.REGION);

    HandledCommand replicator(io.strongroom.core.command.Command payload, SecretState state) {
        return replicaRegion.handle(fromReplicator(payload), state, NOW);
    }

    static ApplyReplicaDelta newIncarnation(List<EventEnvelope> events) {
        List<EventEnvelope> renamed = events.stream().map(e -> new EventEnvelope(e.v(), e.eventId(), e.commandId(),
                NEW_INCARNATION, e.account(), e.seq(), e.region(), e.principal(), e.timestamp(), e.payload())).toList();
        return new ApplyReplicaDelta(PRIMARY_REGION, NEW_INCARNATION, REPLICA_KEY, false, renamed, Map.of(), Map.of());
    }

    @Test
    void aPrimaryPurgedAndRecreatedReachesTheReplicaAsANewIncarnationWithItsOwnArn() {
        SecretState replica = given(created(), established(), added("v1")).state();

        HandledCommand purged = replicator(delta(primaryFrom(3, new DeletionScheduled(NOW), new SecretPurged())), replica);
        // The replica region's store frees the name: the next lookup by name finds nothing.
        assertThat(purged.stateAfter().lifecycle()).isEqualTo(Lifecycle.PURGED);
        HandledCommand recreated = replicator(newIncarnation(primaryFrom(1, created())), null);

        assertThat(recreated.outcome().replica()).isEqualTo(new ReplicaReply(1, Result.APPLIED));
        assertThat(recreated.stateAfter().secretId()).isEqualTo(NEW_INCARNATION);
        assertThat(SecretArn.suffixOf(NEW_INCARNATION)).isNotEqualTo(SecretArn.suffixOf(SECRET_ID));
    }

    @Test
    void theNewIncarnationsDeltaMeetingAnOldReplicaStillHoldingTheNameIsNameTaken() {
        SecretState old = given(created(), established(), added("v1")).state();

        HandledCommand handled = replicator(newIncarnation(primaryFrom(1, created())), old);

        assertThat(handled.outcome().replica()).isEqualTo(new ReplicaReply(0, Result.NAME_TAKEN));
        assertThat(handled.stateAfter()).isSameAs(old);
    }

    @Test
    void aLateResendOfAPurgedIncarnationNeverOverwritesItsSuccessor() {
        SecretState successor = replicator(newIncarnation(primaryFrom(1, created(), added("v9"))), null).stateAfter();

        HandledCommand stale = replicator(delta(primaryFrom(1, created())), successor);
        HandledCommand forced = replicator(new OverwriteForReplica(PRIMARY_REGION, SECRET_ID), successor);

        assertThat(stale.outcome().replica().result()).isEqualTo(Result.NAME_TAKEN);
        assertThat(forced.outcome().replica()).isEqualTo(new ReplicaReply(0, Result.NAME_TAKEN));
        assertThat(forced.keyChanges()).isEmpty();
        assertThat(forced.stateAfter()).isSameAs(successor);
    }

    @Test
    void aForcedOverwriteReplacesAStandaloneSecretWithTheReplica() {
        String standaloneId = "5555aaaa-0000-4000-8000-00000000000c";
        SecretState standalone = replicaRegion.handle(new CommandEnvelope("c0", Fixtures.ACCOUNT, Fixtures.PRINCIPAL,
                NOW.plusSeconds(30), NAME, null, new io.strongroom.core.command.CreateSecret(standaloneId, NAME, null,
                        null, List.of(), null, null)), null, NOW).stateAfter();

        HandledCommand taken = replicator(delta(primaryFrom(1, created(), added("v1"))), standalone);
        HandledCommand overwritten = replicator(new OverwriteForReplica(PRIMARY_REGION, SECRET_ID), standalone);
        HandledCommand replayed = replicator(delta(primaryFrom(1, created(), added("v1"))), null);

        assertThat(taken.outcome().replica().result()).isEqualTo(Result.NAME_TAKEN);
        assertThat(overwritten.outcome().replica()).isEqualTo(new ReplicaReply(0, Result.APPLIED));
        assertThat(overwritten.stateAfter().secretId()).isEqualTo(standaloneId);
        assertThat(overwritten.stateAfter().lifecycle()).isEqualTo(Lifecycle.PURGED);
        assertThat(replayed.outcome().replica()).isEqualTo(new ReplicaReply(2, Result.APPLIED));
        assertThat(replayed.stateAfter().primaryRegion()).isEqualTo(PRIMARY_REGION);
    }

    @Test
    void aForcedOverwriteMayReplaceAReplicaOfAnotherPrimaryRegion() {
        SecretState otherPrimarys = given(new SecretCreated(NAME, null, null, List.of()),
                new ReplicaEstablished("ap-south-1", null)).state();

        HandledCommand overwritten = replicator(
                new OverwriteForReplica(PRIMARY_REGION, "7777bbbb-0000-4000-8000-00000000000d"), otherPrimarys);

        assertThat(overwritten.outcome().replica()).isEqualTo(new ReplicaReply(0, Result.APPLIED));
        assertThat(overwritten.stateAfter().lifecycle()).isEqualTo(Lifecycle.PURGED);
    }

    @Test
    void afterAPromotionTheFormerPrimarysLateDeltaAndOverwriteAreRefusedAsPromoted() {
        SecretState replica = given(created(), established(), added("v1"), stages("v1", "AWSCURRENT")).state();
        SecretState promoted = replicaRegion.handle(new CommandEnvelope("stop", Fixtures.ACCOUNT, Fixtures.PRINCIPAL,
                NOW.plusSeconds(30), NAME, null, new io.strongroom.core.command.StopReplicationToReplica()), replica,
                NOW).stateAfter();

        HandledCommand late = replicator(delta(primaryFrom(4, new TagsSet(List.of(new Tag("k", "v"))))), promoted);
        HandledCommand overwrite = replicator(new OverwriteForReplica(PRIMARY_REGION, SECRET_ID), promoted);

        assertThat(late.outcome().replica()).isEqualTo(new ReplicaReply(3, Result.PROMOTED));
        assertThat(late.outcome().status()).isEqualTo(Outcome.Status.REJECTED);
        assertThat(late.stateAfter().tags()).isEmpty();
        assertThat(overwrite.outcome().replica().result()).isEqualTo(Result.PROMOTED);
    }

    @Test
    void aPromotedReplicaNumbersItsOwnChangesOnFromThePrimarysSequence() {
        SecretState promoted = given(created(), established(), added("v1"), new ReplicaPromoted(PRIMARY_REGION)).state();

        HandledCommand tagged = replicaRegion.handle(new CommandEnvelope("t", Fixtures.ACCOUNT, Fixtures.PRINCIPAL,
                NOW.plusSeconds(30), NAME, null, new TagResource(List.of(new Tag("k", "v")))), promoted, NOW);

        assertThat(tagged.outcome().events()).extracting(EventEnvelope::seq).containsExactly(3L);
    }

    @Test
    void aRepeatedDeltaAfterTheReplicaMovedOnIsAlreadyAppliedAndChangesNothing() {
        SecretState replica = replicator(delta(primaryFrom(1, created(), added("v1"), stages("v1", "AWSCURRENT"))),
                null).stateAfter();
        SecretState tagged = replicator(delta(primaryFrom(4, new TagsSet(List.of(new Tag("k", "v"))))), replica)
                .stateAfter();

        HandledCommand again = replicator(delta(primaryFrom(2, added("v1"), stages("v1", "AWSCURRENT"))), tagged);

        assertThat(again.outcome().replica()).isEqualTo(new ReplicaReply(4, Result.ALREADY_APPLIED));
        assertThat(again.stateAfter()).isSameAs(tagged);
    }

    @Test
    void aReportThatArrivesAfterTheRegionWasRemovedIsIgnored() {
        given(created(), new ReplicaRegionsAdded(List.of(new ReplicaRegion("us-east-1", null)), false),
                new io.strongroom.core.event.ReplicaRegionsRemoved(List.of("us-east-1"), true))
                .when(new ReportReplicationStatus("us-east-1", 1, ReplicationState.IN_SYNC, null))
                .expectEvents();
    }

    @Test
    void aRegionRemovedAndAddedAgainStartsOverInProgress() {
        HandledCommand readded = given(created(),
                new ReplicaRegionsAdded(List.of(new ReplicaRegion("us-east-1", null)), false),
                new io.strongroom.core.event.ReplicationStatusChanged("us-east-1", ReplicationState.IN_SYNC, null, 1),
                new io.strongroom.core.event.ReplicaRegionsRemoved(List.of("us-east-1"), true))
                .when(new io.strongroom.core.command.ReplicateSecretToRegions(
                        List.of(new ReplicaRegion("us-east-1", "alias/k")), false))
                .run();

        assertThat(readded.stateAfter().replicas()).containsExactly(new io.strongroom.core.replication.ReplicaStatus(
                "us-east-1", "alias/k", ReplicationState.IN_PROGRESS, null, 0));
    }
}
