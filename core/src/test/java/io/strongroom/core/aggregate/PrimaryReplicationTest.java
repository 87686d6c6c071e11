package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.AggregateScenario.given;
import static io.strongroom.core.aggregate.Fixtures.NOW;
import static io.strongroom.core.aggregate.Fixtures.REGION;
import static io.strongroom.core.aggregate.Fixtures.SECRET_ID;
import static io.strongroom.core.aggregate.Fixtures.added;
import static io.strongroom.core.aggregate.Fixtures.created;
import static io.strongroom.core.aggregate.Fixtures.stages;
import static io.strongroom.core.aggregate.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.command.DeleteSecret;
import io.strongroom.core.command.ForgetReplica;
import io.strongroom.core.command.PutSecretValue;
import io.strongroom.core.command.RemoveRegionsFromReplication;
import io.strongroom.core.command.ReplicateSecretToRegions;
import io.strongroom.core.command.ReportReplicationStatus;
import io.strongroom.core.command.StopReplicationToReplica;
import io.strongroom.core.command.TagResource;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.ReplicaRegionsAdded;
import io.strongroom.core.event.ReplicaRegionsRemoved;
import io.strongroom.core.event.ReplicationStatusChanged;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.TagsSet;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.event.VersionStagesSet;
import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.replication.ReplicaStatus;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.Tag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The primary region's replication rules: regions added and removed, status reports, deletion, sequence numbers. */
class PrimaryReplicationTest {
    static final String US = "us-east-1";
    static final String AP = "ap-south-1";
    static final ReplicaRegion TO_US = new ReplicaRegion(US, null);
    static final ReplicaRegion TO_AP = new ReplicaRegion(AP, "alias/ap-key");

    static ReplicaRegionsAdded replicatingToUs() {
        return new ReplicaRegionsAdded(List.of(TO_US), false);
    }

    @Test
    void createSecretWithReplicaRegionsStartsEachInProgressAndTellsTheReplicatorWhereToGo() {
        io.strongroom.core.command.NewValue v1 = value("v1");
        CreateSecret create = new CreateSecret(SECRET_ID, Fixtures.NAME, null, null, List.of(), "v1", v1,
                List.of(TO_US, TO_AP), true);

        HandledCommand handled = given().when(create).expectEvents(new SecretCreated(Fixtures.NAME, null, null, List.of()),
                new VersionAdded("v1", v1.value()), stages("v1", "AWSCURRENT"), new ReplicaRegionsAdded(List.of(TO_US, TO_AP), true));

        assertThat(handled.outcome().replicaRegions()).containsExactly(US, AP);
        assertThat(handled.stateAfter().replicas()).containsExactly(
                new ReplicaStatus(US, null, ReplicationState.IN_PROGRESS, null, 0),
                new ReplicaStatus(AP, "alias/ap-key", ReplicationState.IN_PROGRESS, null, 0));
        assertThat(handled.stateAfter().primaryRegion()).isNull();
    }

    @Test
    void bookkeepingEventsCarryTheCurrentSequenceNumberAndReplicableOnesAdvanceIt() {
        CreateSecret create = new CreateSecret(SECRET_ID, Fixtures.NAME, null, null, List.of(), "v1", value("v1"),
                List.of(TO_US), false);

        HandledCommand handled = given().when(create).run();

        assertThat(handled.outcome().events()).extracting(EventEnvelope::seq).containsExactly(1L, 2L, 3L, 3L);
        assertThat(handled.stateAfter().seq()).isEqualTo(3);
    }

    @Test
    void replicateSecretToRegionsAddsTheRegionsWithoutAdvancingTheSequence() {
        HandledCommand handled = given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                .when(new ReplicateSecretToRegions(List.of(TO_AP), false))
                .expectEvents(new ReplicaRegionsAdded(List.of(TO_AP), false));

        assertThat(handled.outcome().events().get(0).seq()).isEqualTo(3);
        assertThat(handled.outcome().replicaRegions()).containsExactly(AP);
    }

    @Test
    void replicatingToTheSecretsOwnRegionIsAnInvalidReplicaRegion() {
        given(created())
                .when(new ReplicateSecretToRegions(List.of(new ReplicaRegion(REGION, null)), false))
                .expectRejection(AwsErrorCode.INVALID_PARAMETER, ReplicationRules.INVALID_REPLICA_REGION);
    }

    @Test
    void replicatingTwiceToARegionInOneRequestIsAnInvalidReplicaRegion() {
        given(created())
                .when(new ReplicateSecretToRegions(List.of(TO_US, new ReplicaRegion(US, "alias/other")), false))
                .expectRejection(AwsErrorCode.INVALID_PARAMETER, ReplicationRules.INVALID_REPLICA_REGION);
    }

    @Test
    void replicatingAgainToARegionThatIsInSyncIsAnInvalidReplicaRegion() {
        given(created(), replicatingToUs(), new ReplicationStatusChanged(US, ReplicationState.IN_SYNC, null, 1))
                .when(new ReplicateSecretToRegions(List.of(TO_US), false))
                .expectRejection(AwsErrorCode.INVALID_PARAMETER, ReplicationRules.INVALID_REPLICA_REGION);
    }

    @Test
    void replicatingAgainToARegionThatFailedRetriesItFromTheStart() {
        HandledCommand handled = given(created(), replicatingToUs(),
                new ReplicationStatusChanged(US, ReplicationState.FAILED, "Replication failed: taken", 0))
                .when(new ReplicateSecretToRegions(List.of(TO_US), true))
                .expectEvents(new ReplicaRegionsAdded(List.of(TO_US), true));

        assertThat(handled.stateAfter().replicas()).containsExactly(
                new ReplicaStatus(US, null, ReplicationState.IN_PROGRESS, null, 0));
    }

    @Test
    void replicatingASecretScheduledForDeletionIsRefused() {
        given(created(), new DeletionScheduled(NOW.plusSeconds(86400)))
                .when(new ReplicateSecretToRegions(List.of(TO_US), false))
                .expectRejection(AwsErrorCode.INVALID_REQUEST, SecretAggregate.MARKED_FOR_DELETION);
    }

    @Test
    void removeRegionsFromReplicationDropsThemAndAsksForTheReplicasToBeDeleted() {
        HandledCommand handled = given(created(), new ReplicaRegionsAdded(List.of(TO_US, TO_AP), false))
                .when(new RemoveRegionsFromReplication(List.of(US, "sa-east-1")))
                .expectEvents(new ReplicaRegionsRemoved(List.of(US), true));

        assertThat(handled.stateAfter().replicas()).extracting(ReplicaStatus::region).containsExactly(AP);
        assertThat(handled.outcome().replicaRegions()).containsExactly(AP);
    }

    @Test
    void removingOnlyRegionsTheSecretDoesNotReplicateToChangesNothing() {
        given(created(), replicatingToUs())
                .when(new RemoveRegionsFromReplication(List.of(AP)))
                .expectEvents();
    }

    @Test
    void aPrimaryWithReplicasCannotBeDeletedInAnyWay() {
        String message = "You can't delete secret arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/db-"
                + io.strongroom.core.arn.SecretArn.suffixOf(SECRET_ID) + " that still has replica regions [us-east-1,ap-south-1]";
        given(created(), new ReplicaRegionsAdded(List.of(TO_US, TO_AP), false))
                .when(new DeleteSecret(7, false))
                .expectRejection(AwsErrorCode.INVALID_PARAMETER, message);
        given(created(), new ReplicaRegionsAdded(List.of(TO_US, TO_AP), false))
                .when(new DeleteSecret(null, true))
                .expectRejection(AwsErrorCode.INVALID_PARAMETER, message);
    }

    @Test
    void onceItsReplicasAreRemovedAPrimaryCanBeDeleted() {
        given(created(), replicatingToUs(), new ReplicaRegionsRemoved(List.of(US), true))
                .when(new DeleteSecret(7, false))
                .expectEvents(new DeletionScheduled(NOW.plusSeconds(7 * 86400)));
    }

    @Test
    void stopReplicationToReplicaOnASecretThatIsNoReplicaIsRefused() {
        given(created(), replicatingToUs())
                .when(new StopReplicationToReplica())
                .expectRejection(AwsErrorCode.INVALID_REQUEST, ReplicaRules.NOT_A_REPLICA);
    }

    @Test
    void everyOutcomeOfASecretWithReplicasNamesItsRegionsEvenARejection() {
        HandledCommand put = given(created(), replicatingToUs())
                .when(new PutSecretValue("v1", value("v1"), null)).run();
        HandledCommand rejected = given(created(), replicatingToUs())
                .when(new ReplicateSecretToRegions(List.of(new ReplicaRegion(REGION, null)), false)).run();

        assertThat(put.outcome().replicaRegions()).containsExactly(US);
        assertThat(rejected.outcome().replicaRegions()).containsExactly(US);
    }

    @Test
    void anOutcomeOfASecretWithoutReplicasNamesNoRegion() {
        HandledCommand put = given(created()).when(new PutSecretValue("v1", value("v1"), null)).run();

        assertThat(put.outcome().replicaRegions()).isEmpty();
        assertThat(put.outcome().replica()).isNull();
    }

    // --- status reports -------------------------------------------------------------------------

    @Test
    void aReportOfTheLatestSequenceMakesTheRegionInSync() {
        HandledCommand handled = given(created(), added("v1"), stages("v1", "AWSCURRENT"), replicatingToUs())
                .when(new ReportReplicationStatus(US, 3, ReplicationState.IN_SYNC, null))
                .expectEvents(new ReplicationStatusChanged(US, ReplicationState.IN_SYNC, null, 3));

        assertThat(handled.stateAfter().replicas()).containsExactly(
                new ReplicaStatus(US, null, ReplicationState.IN_SYNC, null, 3));
        assertThat(handled.outcome().events().get(0).seq()).isEqualTo(3);
    }

    @Test
    void aReportOfAnEarlierSequenceKeepsTheRegionInProgress() {
        given(created(), added("v1"), stages("v1", "AWSCURRENT"), replicatingToUs())
                .when(new ReportReplicationStatus(US, 1, ReplicationState.IN_SYNC, null))
                .expectEvents(new ReplicationStatusChanged(US, ReplicationState.IN_PROGRESS, null, 1));
    }

    @Test
    void aFailureIsShownWithItsMessage() {
        String message = "Replication failed: Secret name app/db already exists in region us-east-1.";
        HandledCommand handled = given(created(), replicatingToUs())
                .when(new ReportReplicationStatus(US, 0, ReplicationState.FAILED, message))
                .expectEvents(new ReplicationStatusChanged(US, ReplicationState.FAILED, message, 0));

        assertThat(handled.stateAfter().replicas().get(0).statusMessage()).isEqualTo(message);
    }

    @Test
    void aReportOlderThanWhatTheRegionAcknowledgedChangesNothing() {
        given(created(), added("v1"), replicatingToUs(), new ReplicationStatusChanged(US, ReplicationState.IN_SYNC, null, 2))
                .when(new ReportReplicationStatus(US, 1, ReplicationState.FAILED, "late"))
                .expectEvents();
    }

    @Test
    void aReportForARegionTheSecretDoesNotReplicateToChangesNothing() {
        given(created(), replicatingToUs())
                .when(new ReportReplicationStatus(AP, 1, ReplicationState.IN_SYNC, null))
                .expectEvents();
    }

    @Test
    void aRepeatedReportChangesNothing() {
        given(created(), replicatingToUs(), new ReplicationStatusChanged(US, ReplicationState.IN_SYNC, null, 1))
                .when(new ReportReplicationStatus(US, 1, ReplicationState.IN_SYNC, null))
                .expectEvents();
    }

    @Test
    void aReportIsRecordedEvenWhileTheSecretIsScheduledForDeletion() {
        given(created(), replicatingToUs(), new DeletionScheduled(NOW))
                .when(new ReportReplicationStatus(US, 2, ReplicationState.IN_SYNC, null))
                .expectEvents(new ReplicationStatusChanged(US, ReplicationState.IN_SYNC, null, 2));
    }

    @Test
    void aNewChangeMakesInSyncReplicasInProgressAgainButLeavesAFailureShowing() {
        HandledCommand handled = given(created(), new ReplicaRegionsAdded(List.of(TO_US, TO_AP), false),
                new ReplicationStatusChanged(US, ReplicationState.IN_SYNC, null, 1),
                new ReplicationStatusChanged(AP, ReplicationState.FAILED, "unreachable", 1))
                .when(new TagResource(List.of(new Tag("k", "v"))))
                .expectEvents(new TagsSet(List.of(new Tag("k", "v"))));

        assertThat(handled.outcome().events().get(0).seq()).isEqualTo(2);
        assertThat(handled.stateAfter().replicas()).containsExactly(
                new ReplicaStatus(US, null, ReplicationState.IN_PROGRESS, null, 1),
                new ReplicaStatus(AP, "alias/ap-key", ReplicationState.FAILED, "unreachable", 1));
    }

    // --- promotion in the replica's region ------------------------------------------------------

    @Test
    void forgetReplicaDropsAPromotedRegionWithoutDeletingIt() {
        HandledCommand handled = given(created(), new ReplicaRegionsAdded(List.of(TO_US, TO_AP), false))
                .when(new ForgetReplica(US))
                .expectEvents(new ReplicaRegionsRemoved(List.of(US), false));

        assertThat(handled.stateAfter().replicas()).extracting(ReplicaStatus::region).containsExactly(AP);
    }

    @Test
    void forgettingARegionAlreadyForgottenChangesNothing() {
        given(created(), replicatingToUs(), new ReplicaRegionsRemoved(List.of(US), false))
                .when(new ForgetReplica(US))
                .expectEvents();
    }

    @Test
    void theReplicatorsEventsDoNotDisturbTheVersionsOrTheirStages() {
        HandledCommand handled = given(created(), added("v1"),
                new VersionStagesSet(Map.of("v1", List.of("AWSCURRENT"))), replicatingToUs())
                .when(new ReportReplicationStatus(US, 3, ReplicationState.IN_SYNC, null))
                .run();

        assertThat(handled.stateAfter().versions()).containsOnlyKeys("v1");
        assertThat(handled.stateAfter().versionWithStage("AWSCURRENT")).isPresent();
        assertThat(handled.stateAfter().lastChangedDate()).isEqualTo(Fixtures.T0);
    }
}
