package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.AggregateScenario.given;
import static io.strongroom.core.aggregate.Fixtures.NOW;
import static io.strongroom.core.aggregate.Fixtures.added;
import static io.strongroom.core.aggregate.Fixtures.created;
import static io.strongroom.core.aggregate.Fixtures.stages;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.command.RestoreSecret;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.SecretRestored;
import io.strongroom.core.secret.Lifecycle;
import org.junit.jupiter.api.Test;

class RestoreSecretCommandTest {

    @Test
    void onASecretScheduledForDeletionMakesItActiveAndClearsItsDeletionDates() {
        HandledCommand handled = given(created(), added("v1"), stages("v1", "AWSCURRENT"),
                new DeletionScheduled(NOW.plusSeconds(86400)))
                .when(new RestoreSecret())
                .expectEvents(new SecretRestored());

        assertThat(handled.keyChanges()).isEmpty();
        assertThat(handled.stateAfter().lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(handled.stateAfter().deletedDate()).isNull();
        assertThat(handled.stateAfter().deletionDate()).isNull();
        assertThat(handled.stateAfter().lastChangedDate()).isEqualTo(NOW);
        assertThat(handled.stateAfter().version("v1")).isPresent();
    }

    @Test
    void onAnActiveSecretSucceedsWithoutAnyEvent() {
        HandledCommand handled = given(created()).when(new RestoreSecret()).expectEvents();

        assertThat(handled.stateAfter().lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void onAnUnknownSecretIsNotFound() {
        given().when(new RestoreSecret())
                .expectRejection(AwsErrorCode.RESOURCE_NOT_FOUND, SecretAggregate.NOT_FOUND);
    }

    @Test
    void onAPurgedSecretIsNotFound() {
        given(created(), new DeletionScheduled(NOW), new SecretPurged())
                .when(new RestoreSecret())
                .expectRejection(AwsErrorCode.RESOURCE_NOT_FOUND, SecretAggregate.NOT_FOUND);
    }

    @Test
    void aRestoredSecretCanBeScheduledForDeletionAgain() {
        HandledCommand handled = given(created(), new DeletionScheduled(NOW), new SecretRestored(),
                new DeletionScheduled(NOW.plusSeconds(60)))
                .when(new RestoreSecret())
                .expectEvents(new SecretRestored());

        assertThat(handled.stateAfter().isScheduledForDeletion()).isFalse();
    }
}
