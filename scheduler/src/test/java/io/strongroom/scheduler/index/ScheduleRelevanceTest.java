package io.strongroom.scheduler.index;

import static io.strongroom.scheduler.index.ScheduledDeletionsTest.applied;
import static io.strongroom.scheduler.index.ScheduledDeletionsTest.purgeRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.ReplicaEstablished;
import io.strongroom.core.event.ReplicaPromoted;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.SecretRestored;
import io.strongroom.kafka.Records;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleRelevanceTest {

    @Test
    void everyEventTheIndexFoldsIsDecoded() {
        List<Outcome> folded = List.of(
                applied(new DeletionScheduled(ScheduledDeletionsTest.DELETION)),
                applied(new SecretPurged()),
                applied(new SecretRestored()),
                applied(new ReplicaEstablished("eu-west-1", "alias/aws/secretsmanager")),
                applied(new ReplicaPromoted("eu-west-1")));

        assertThat(folded).allMatch(outcome -> ScheduleRelevance.mayMatter(Records.outcome(outcome)));
    }

    @Test
    void theRejectionOfAPurgeIsDecoded() {
        Outcome rejected = purgeRejected(AwsErrorCode.INVALID_REQUEST, "not scheduled");

        assertThat(ScheduleRelevance.mayMatter(Records.outcome(rejected))).isTrue();
    }

    @Test
    void eventsTheIndexIgnoresAreNotDecoded() {
        Outcome created = applied(new SecretCreated("app/db", "Purged nightly", null, List.of()));
        Outcome otherRejection = new Outcome("some-gateway-command", ScheduledDeletionsTest.ACCOUNT,
                ScheduledDeletionsTest.T0, ScheduledDeletionsTest.SECRET, Outcome.Status.REJECTED,
                new Rejection(AwsErrorCode.RESOURCE_NOT_FOUND, "not found"), null, List.of());

        assertThat(ScheduleRelevance.mayMatter(Records.outcome(created))).isFalse();
        assertThat(ScheduleRelevance.mayMatter(Records.outcome(otherRejection))).isFalse();
        assertThat(ScheduleRelevance.mayMatter(null)).isFalse();
    }
}
