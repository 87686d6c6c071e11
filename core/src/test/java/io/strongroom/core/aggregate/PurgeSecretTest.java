package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.AggregateScenario.given;
import static io.strongroom.core.aggregate.Fixtures.ACCOUNT;
import static io.strongroom.core.aggregate.Fixtures.NOW;
import static io.strongroom.core.aggregate.Fixtures.SECRET_ID;
import static io.strongroom.core.aggregate.Fixtures.added;
import static io.strongroom.core.aggregate.Fixtures.created;
import static io.strongroom.core.aggregate.Fixtures.stages;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.PurgeSecret;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.VersionStagesSet;
import io.strongroom.core.secret.Lifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduler's PurgeSecret: a purge only once the window has ended; anything else changes nothing. */
class PurgeSecretTest {
    static final String SCHEDULER = "strongroom:scheduler";
    static final Instant DELETION_DATE = NOW.plus(Duration.ofDays(7));

    static CommandEnvelope purge(Instant now) {
        return new CommandEnvelope("purge-1", ACCOUNT, SCHEDULER, now.plusSeconds(30), SECRET_ID, SECRET_ID,
                new PurgeSecret());
    }

    @Test
    void whenTheWindowHasEndedPurgesAndShredsEveryVersionKey() {
        HandledCommand handled = given(created(), added("v1"), stages("v1", "AWSCURRENT"), added("v2"),
                new VersionStagesSet(Map.of("v2", List.of("AWSCURRENT"), "v1", List.of("AWSPREVIOUS"))),
                new DeletionScheduled(DELETION_DATE))
                .when(purge(DELETION_DATE)).at(DELETION_DATE)
                .expectEvents(new SecretPurged());

        assertThat(handled.keyChanges()).containsExactly(
                KeyChange.shred(SECRET_ID, "v1"), KeyChange.shred(SECRET_ID, "v2"));
        assertThat(handled.stateAfter().lifecycle()).isEqualTo(Lifecycle.PURGED);
    }

    @Test
    void longAfterTheWindowHasEndedStillPurges() {
        Instant later = DELETION_DATE.plus(Duration.ofDays(3));
        given(created(), new DeletionScheduled(DELETION_DATE))
                .when(purge(later)).at(later)
                .expectEvents(new SecretPurged());
    }

    @Test
    void beforeTheWindowHasEndedIsRejectedWithoutEffect() {
        Instant early = DELETION_DATE.minusMillis(1);
        given(created(), added("v1"), stages("v1", "AWSCURRENT"), new DeletionScheduled(DELETION_DATE))
                .when(purge(early)).at(early)
                .expectRejection(AwsErrorCode.INVALID_REQUEST, PurgeSecret.NOT_DUE);
    }

    @Test
    void ofASecretNotScheduledForDeletionIsRejectedWithoutEffect() {
        // What a restored secret looks like to the purge: live, no deletion date.
        given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                .when(purge(DELETION_DATE)).at(DELETION_DATE)
                .expectRejection(AwsErrorCode.INVALID_REQUEST, PurgeSecret.NOT_SCHEDULED);
    }

    @Test
    void repeatedAfterThePurgeIsNotFound() {
        given(created(), new DeletionScheduled(DELETION_DATE), new SecretPurged())
                .when(purge(DELETION_DATE)).at(DELETION_DATE)
                .expectRejection(AwsErrorCode.RESOURCE_NOT_FOUND, SecretAggregate.NOT_FOUND);
    }

    @Test
    void ofAnotherIncarnationThanTheOneScheduledIsNotFound() {
        given(created(), new DeletionScheduled(DELETION_DATE))
                .when(new CommandEnvelope("purge-1", ACCOUNT, SCHEDULER, DELETION_DATE.plusSeconds(30), SECRET_ID,
                        "5b3c1c0e-0000-4000-8000-0000000000ff", new PurgeSecret()))
                .at(DELETION_DATE)
                .expectRejection(AwsErrorCode.RESOURCE_NOT_FOUND, SecretAggregate.NOT_FOUND);
    }

    @Test
    void ofAnUnknownSecretIsNotFound() {
        given().when(purge(DELETION_DATE)).at(DELETION_DATE)
                .expectRejection(AwsErrorCode.RESOURCE_NOT_FOUND, SecretAggregate.NOT_FOUND);
    }

    @Test
    void pastItsDeadlineIsRejectedWithoutEffect() {
        given(created(), new DeletionScheduled(DELETION_DATE))
                .when(purge(DELETION_DATE)).at(DELETION_DATE.plusSeconds(31))
                .expectRejection(AwsErrorCode.INTERNAL_SERVICE_ERROR, SecretAggregate.EXPIRED);
    }
}
