package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.AggregateScenario.given;
import static io.strongroom.core.aggregate.Fixtures.ACCOUNT;
import static io.strongroom.core.aggregate.Fixtures.NAME;
import static io.strongroom.core.aggregate.Fixtures.NOW;
import static io.strongroom.core.aggregate.Fixtures.REGION;
import static io.strongroom.core.aggregate.Fixtures.SECRET_ID;
import static io.strongroom.core.aggregate.Fixtures.added;
import static io.strongroom.core.aggregate.Fixtures.created;
import static io.strongroom.core.aggregate.Fixtures.stages;
import static io.strongroom.core.aggregate.ReplicationFixtures.PRIMARY_PRINCIPAL;
import static io.strongroom.core.aggregate.ReplicationFixtures.PRIMARY_REGION;
import static io.strongroom.core.aggregate.ReplicationFixtures.REPLICA_KEY;
import static io.strongroom.core.aggregate.ReplicationFixtures.delta;
import static io.strongroom.core.aggregate.ReplicationFixtures.established;
import static io.strongroom.core.aggregate.ReplicationFixtures.fromReplicator;
import static io.strongroom.core.aggregate.ReplicationFixtures.primary;
import static io.strongroom.core.aggregate.ReplicationFixtures.primaryFrom;
import static io.strongroom.core.aggregate.ReplicationFixtures.replicaKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.command.ApplyReplicaDelta;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.ReplicaPromoted;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.SecretRestored;
import io.strongroom.core.event.SecretUpdated;
import io.strongroom.core.event.TagsSet;
import io.strongroom.core.event.VersionStagesSet;
import io.strongroom.core.event.VersionsRemoved;
import io.strongroom.core.replication.ReplicaReply;
import io.strongroom.core.replication.ReplicaReply.Result;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.Tag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ApplyReplicaDelta in the replica region: the primary's events applied in sequence, and the replies. */
class ReplicaDeltaTest {
    static final SecretCreated PRIMARY_CREATED = new SecretCreated(NAME, "the db", "alias/primary-key", List.of());

    static HandledCommand run(AggregateScenario scenario, ApplyReplicaDelta delta) {
        return scenario.when(fromReplicator(delta)).run();
    }

    static void assertReply(HandledCommand handled, Outcome.Status status, long appliedSeq, Result result) {
        assertThat(handled.outcome().status()).isEqualTo(status);
        assertThat(handled.outcome().replica()).isEqualTo(new ReplicaReply(appliedSeq, result));
    }

    @Test
    void aDeltaFromSeqOneCreatesTheReplicaWithThePrimarysIncarnationAndTheReplicasKey() {
        HandledCommand handled = run(given(), delta(primaryFrom(1, PRIMARY_CREATED, added("v1"), stages("v1", "AWSCURRENT")),
                Map.of("v1", replicaKey("v1"))));

        assertReply(handled, Outcome.Status.APPLIED, 3, Result.APPLIED);
        assertThat(handled.outcome().events()).extracting(EventEnvelope::payload)
                .usingRecursiveFieldByFieldElementComparator().containsExactly(PRIMARY_CREATED,
                established(), added("v1"), stages("v1", "AWSCURRENT"));
        assertThat(handled.outcome().secretId()).isEqualTo(SECRET_ID);
        assertThat(handled.stateAfter().secretId()).isEqualTo(SECRET_ID);
        assertThat(handled.stateAfter().region()).isEqualTo(REGION);
        assertThat(handled.stateAfter().primaryRegion()).isEqualTo(PRIMARY_REGION);
        assertThat(handled.stateAfter().kmsKeyId()).isEqualTo(REPLICA_KEY);
        assertThat(handled.stateAfter().isReplica()).isTrue();
        assertThat(handled.stateAfter().seq()).isEqualTo(3);
        assertThat(handled.keyChanges()).usingRecursiveFieldByFieldElementComparator()
                .containsExactly(KeyChange.put(SECRET_ID, "v1", replicaKey("v1")));
    }

    @Test
    void theReplicasEventsKeepThePrimarysSequenceTimeAndPrincipalButNameTheReplicasRegion() {
        List<EventEnvelope> sent = primaryFrom(1, PRIMARY_CREATED, added("v1"));
        HandledCommand handled = run(given(), delta(sent));

        List<EventEnvelope> events = handled.outcome().events();
        assertThat(events).extracting(EventEnvelope::seq).containsExactly(1L, 1L, 2L);
        assertThat(events.get(0).timestamp()).isEqualTo(sent.get(0).timestamp());
        assertThat(events.get(2).timestamp()).isEqualTo(sent.get(1).timestamp());
        assertThat(events.get(2).principal()).isEqualTo(PRIMARY_PRINCIPAL);
        assertThat(events).extracting(EventEnvelope::region).containsOnly(REGION);
        assertThat(events).extracting(EventEnvelope::secretId).containsOnly(SECRET_ID);
        assertThat(events).extracting(EventEnvelope::commandId).containsOnly("r-cmd-1");
        assertThat(events.get(1).timestamp()).isEqualTo(NOW);
        assertThat(handled.stateAfter().createdDate()).isEqualTo(sent.get(0).timestamp());
        assertThat(handled.stateAfter().lastChangedDate()).isEqualTo(sent.get(1).timestamp());
    }

    @Test
    void theNextDeltaAppliesAfterTheReplicasSequence() {
        HandledCommand handled = run(given(created(), established(), added("v1"), stages("v1", "AWSCURRENT")),
                delta(primaryFrom(4, new TagsSet(List.of(new Tag("k", "v"))))));

        assertReply(handled, Outcome.Status.APPLIED, 4, Result.APPLIED);
        assertThat(handled.stateAfter().tags()).containsExactly(new Tag("k", "v"));
        assertThat(handled.stateAfter().seq()).isEqualTo(4);
    }

    @Test
    void aDeltaOverlappingWhatTheReplicaHasAppliesOnlyTheUnseenEvents() {
        HandledCommand handled = run(given(created(), established(), added("v1")),
                delta(primaryFrom(2, added("v1"), stages("v1", "AWSCURRENT"))));

        assertReply(handled, Outcome.Status.APPLIED, 3, Result.APPLIED);
        assertThat(handled.outcome().events()).extracting(EventEnvelope::payload)
                .containsExactly(stages("v1", "AWSCURRENT"));
    }

    @Test
    void aDeltaTheReplicaHasAlreadyAppliedChangesNothing() {
        AggregateScenario scenario = given(created(), established(), added("v1"), stages("v1", "AWSCURRENT"));
        HandledCommand handled = run(scenario, delta(primaryFrom(1, PRIMARY_CREATED, added("v1"))));

        assertReply(handled, Outcome.Status.UNCHANGED, 3, Result.ALREADY_APPLIED);
        assertThat(handled.outcome().events()).isEmpty();
        assertThat(handled.keyChanges()).isEmpty();
        assertThat(handled.stateAfter()).isSameAs(scenario.state());
    }

    @Test
    void aDeltaStartingAfterTheNextSequenceIsAGapFromTheReplicasSequence() {
        HandledCommand handled = run(given(created(), established(), added("v1")),
                delta(primaryFrom(4, new TagsSet(List.of(new Tag("k", "v"))))));

        assertReply(handled, Outcome.Status.UNCHANGED, 2, Result.GAP);
        assertThat(handled.outcome().events()).isEmpty();
    }

    @Test
    void aDeltaForANameNoSecretHoldsThatDoesNotStartTheSecretIsAGapFromZero() {
        HandledCommand handled = run(given(), delta(primaryFrom(5, added("v9"))));

        assertReply(handled, Outcome.Status.UNCHANGED, 0, Result.GAP);
        assertThat(handled.stateAfter()).isNull();
    }

    @Test
    void aStandaloneSecretHoldingTheNameAnswersNameTakenWithAwsStatusMessage() {
        AggregateScenario standalone = given(new SecretCreated(NAME, null, null, List.of()));
        ApplyReplicaDelta other = new ApplyReplicaDelta(PRIMARY_REGION, "ffffffff-0000-4000-8000-00000000000f",
                REPLICA_KEY, false, primaryFrom(1, PRIMARY_CREATED), Map.of(), Map.of());

        HandledCommand handled = run(standalone, other);

        assertReply(handled, Outcome.Status.REJECTED, 0, Result.NAME_TAKEN);
        assertThat(handled.outcome().rejection()).isEqualTo(AwsErrorCode.RESOURCE_EXISTS.reject(
                "Replication failed: Secret name app/db already exists in region eu-west-1."));
        assertThat(handled.stateAfter()).isSameAs(standalone.state());
    }

    @Test
    void aPromotedReplicaAnswersPromotedAndIgnoresItsFormerPrimary() {
        AggregateScenario promoted = given(created(), established(), added("v1"), new ReplicaPromoted(PRIMARY_REGION));

        HandledCommand handled = run(promoted, delta(primaryFrom(3, stages("v1", "AWSCURRENT"))));

        assertReply(handled, Outcome.Status.REJECTED, 2, Result.PROMOTED);
        assertThat(handled.outcome().events()).isEmpty();
    }

    @Test
    void aDataKeyThatDidNotImportRefusesTheDeltaWithoutApplyingAnything() {
        ApplyReplicaDelta withFailedKey = new ApplyReplicaDelta(PRIMARY_REGION, SECRET_ID, "alias/unknown", false,
                primaryFrom(1, PRIMARY_CREATED, added("v1")), Map.of("v1", new byte[] {1, 2}), Map.of());

        HandledCommand handled = run(given(), withFailedKey);

        assertReply(handled, Outcome.Status.REJECTED, 0, Result.KEY_FAILED);
        assertThat(handled.outcome().rejection().message()).isEqualTo(ReplicaRules.KEY_FAILED);
        assertThat(handled.keyChanges()).isEmpty();
        assertThat(handled.stateAfter()).isNull();
    }

    @Test
    void thePrimarysKmsKeyIdNeverReplacesTheReplicasButItsDescriptionDoes() {
        HandledCommand handled = run(given(created(), established()),
                delta(primaryFrom(2, new SecretUpdated("new text", "alias/primary-other"))));

        assertThat(handled.outcome().events()).extracting(EventEnvelope::payload)
                .containsExactly(new SecretUpdated("new text", null));
        assertThat(handled.stateAfter().kmsKeyId()).isEqualTo(REPLICA_KEY);
        assertThat(handled.stateAfter().description()).isEqualTo("new text");
    }

    @Test
    void versionsRemovedOnThePrimaryShredTheReplicasKeys() {
        HandledCommand handled = run(given(created(), established(), added("v1"), added("v2")),
                delta(primaryFrom(4, new VersionsRemoved(List.of("v1")))));

        assertThat(handled.keyChanges()).containsExactly(KeyChange.shred(SECRET_ID, "v1"));
        assertThat(handled.stateAfter().versions()).containsOnlyKeys("v2");
    }

    @Test
    void deletionAndRestoreReplicateAndAPurgeShredsEveryKeyOfTheReplica() {
        HandledCommand handled = run(given(created(), established(), added("v1")),
                delta(primaryFrom(3, new DeletionScheduled(NOW), new SecretRestored(), new DeletionScheduled(NOW),
                        added("v2"), new SecretPurged()), Map.of("v2", replicaKey("v2"))));

        assertReply(handled, Outcome.Status.APPLIED, 7, Result.APPLIED);
        assertThat(handled.stateAfter().lifecycle()).isEqualTo(Lifecycle.PURGED);
        assertThat(handled.keyChanges()).usingRecursiveFieldByFieldElementComparator()
                .containsExactly(KeyChange.put(SECRET_ID, "v2", replicaKey("v2")),
                KeyChange.shred(SECRET_ID, "v1"), KeyChange.shred(SECRET_ID, "v2"));
    }

    @Test
    void aReplicaScheduledForDeletionStillFollowsItsPrimary() {
        HandledCommand handled = run(given(created(), established(), new DeletionScheduled(NOW)),
                delta(primaryFrom(3, new SecretRestored())));

        assertReply(handled, Outcome.Status.APPLIED, 3, Result.APPLIED);
        assertThat(handled.stateAfter().lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void aVersionWhoseKeyThePrimaryHadShreddedIsReplicatedWithoutAKeyRecord() {
        HandledCommand handled = run(given(), delta(primaryFrom(1, PRIMARY_CREATED, added("v1"))));

        assertThat(handled.stateAfter().versions()).containsOnlyKeys("v1");
        assertThat(handled.keyChanges()).isEmpty();
    }

    @Test
    void theReplicaAnswersWithoutReplicaRegionsOfItsOwn() {
        HandledCommand handled = run(given(), delta(primaryFrom(1, PRIMARY_CREATED)));

        assertThat(handled.outcome().replicaRegions()).isEmpty();
        assertThat(handled.outcome().account()).isEqualTo(ACCOUNT);
    }

    @Test
    void anEmptyDeltaToTheReplicaIsAlreadyApplied() {
        HandledCommand handled = run(given(created(), established()), delta(List.of()));

        assertReply(handled, Outcome.Status.UNCHANGED, 1, Result.ALREADY_APPLIED);
    }

    @Test
    void aDeltaDecidedAfterItsDeadlineIsStillAppliedAndAnswered() {
        HandledCommand handled = given().when(fromReplicator(delta(primaryFrom(1, PRIMARY_CREATED))))
                .at(NOW.plusSeconds(60)).run();

        assertReply(handled, Outcome.Status.APPLIED, 1, Result.APPLIED);
    }

    @Test
    void primaryEnvelopeHelperNumbersFromTheGivenSequence() {
        assertThat(primary(5, new VersionStagesSet(Map.of())).seq()).isEqualTo(5);
    }
}
