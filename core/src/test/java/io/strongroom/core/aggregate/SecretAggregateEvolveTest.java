package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.Fixtures.ACCOUNT;
import static io.strongroom.core.aggregate.Fixtures.PRINCIPAL;
import static io.strongroom.core.aggregate.Fixtures.REGION;
import static io.strongroom.core.aggregate.Fixtures.SECRET_ID;
import static io.strongroom.core.aggregate.Fixtures.T0;
import static io.strongroom.core.aggregate.Fixtures.added;
import static io.strongroom.core.aggregate.Fixtures.created;
import static io.strongroom.core.aggregate.Fixtures.stages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.SecretEvent;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.SecretUpdated;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecretAggregateEvolveTest {
    private long seq;

    EventEnvelope at(Instant when, SecretEvent payload) {
        seq++;
        return new EventEnvelope(1, "e" + seq, "c" + seq, SECRET_ID, ACCOUNT, seq, REGION, PRINCIPAL, when, payload);
    }

    SecretState fold(SecretState state, Instant when, SecretEvent payload) {
        return SecretAggregate.evolve(state, at(when, payload));
    }

    @Test
    void secretCreatedStartsAnActiveIncarnationFromTheEnvelope() {
        SecretState state = fold(null, T0, created());

        assertThat(state.secretId()).isEqualTo(SECRET_ID);
        assertThat(state.account()).isEqualTo(ACCOUNT);
        assertThat(state.region()).isEqualTo(REGION);
        assertThat(state.name()).isEqualTo("app/db");
        assertThat(state.description()).isEqualTo("the db");
        assertThat(state.createdDate()).isEqualTo(T0);
        assertThat(state.lastChangedDate()).isEqualTo(T0);
        assertThat(state.versions()).isEmpty();
        assertThat(state.seq()).isEqualTo(1);
        assertThat(state.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void aVersionAddedChangesLastChangedDateAndStartsUnlabelled() {
        Instant later = T0.plusSeconds(60);
        SecretState state = fold(fold(null, T0, created()), later, added("v1"));

        assertThat(state.lastChangedDate()).isEqualTo(later);
        assertThat(state.createdDate()).isEqualTo(T0);
        assertThat(state.version("v1")).get().satisfies(v -> {
            assertThat(v.stages()).isEmpty();
            assertThat(v.createdDate()).isEqualTo(later);
        });
        assertThat(state.seq()).isEqualTo(2);
    }

    @Test
    void stagesSetReplacesTheLabelsOfTheNamedVersionsOnly() {
        SecretState state = fold(null, T0, created());
        state = fold(state, T0, added("v1"));
        state = fold(state, T0, added("v2"));
        state = fold(state, T0, stages("v1", "AWSCURRENT", "x"));
        state = fold(state, T0, stages("v1", "AWSPREVIOUS"));

        assertThat(state.version("v1")).get().extracting(v -> v.stages()).asList().containsExactly("AWSPREVIOUS");
        assertThat(state.version("v2")).get().extracting(v -> v.stages()).asList().isEmpty();
    }

    @Test
    void secretUpdatedKeepsFieldsItLeavesNull() {
        Instant later = T0.plusSeconds(60);
        SecretState state = fold(fold(null, T0, created()), later, new SecretUpdated(null, "alias/k2"));

        assertThat(state.description()).isEqualTo("the db");
        assertThat(state.kmsKeyId()).isEqualTo("alias/k2");
        assertThat(state.lastChangedDate()).isEqualTo(later);
    }

    @Test
    void deletionScheduledRecordsBothDates() {
        Instant later = T0.plusSeconds(60);
        Instant purgeAt = later.plus(Duration.ofDays(7));
        SecretState state = fold(fold(null, T0, created()), later, new DeletionScheduled(purgeAt));

        assertThat(state.lifecycle()).isEqualTo(Lifecycle.SCHEDULED_FOR_DELETION);
        assertThat(state.deletedDate()).isEqualTo(later);
        assertThat(state.deletionDate()).isEqualTo(purgeAt);
        assertThat(state.lastChangedDate()).isEqualTo(later);
    }

    @Test
    void aScheduledSecretCanBePurged() {
        SecretState state = fold(fold(null, T0, created()), T0, new DeletionScheduled(T0));

        assertThat(fold(state, T0, new SecretPurged()).lifecycle()).isEqualTo(Lifecycle.PURGED);
    }

    @Test
    void schedulingTwiceIsAnIllegalTransition() {
        SecretState state = fold(fold(null, T0, created()), T0, new DeletionScheduled(T0));

        assertThatThrownBy(() -> fold(state, T0, new DeletionScheduled(T0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPurgedIncarnationIsTerminalForEveryEvent() {
        SecretState purged = fold(fold(null, T0, created()), T0, new SecretPurged());

        for (SecretEvent event : new SecretEvent[] {created(), added("v9"), stages("v9", "AWSCURRENT"),
                new SecretUpdated("d", null), new DeletionScheduled(T0), new SecretPurged()}) {
            assertThatThrownBy(() -> fold(purged, T0, event))
                    .as(event.getClass().getSimpleName())
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aSecondSecretCreatedForOneIncarnationIsRefused() {
        SecretState state = fold(null, T0, created());

        assertThatThrownBy(() -> fold(state, T0, created())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventBeforeItsSecretWasCreatedIsRefused() {
        assertThatThrownBy(() -> fold(null, T0, added("v1"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventOfAnotherIncarnationIsRefused() {
        SecretState state = fold(null, T0, created());
        EventEnvelope foreign = new EventEnvelope(1, "x", "x", "another-secret", ACCOUNT, 2, REGION, PRINCIPAL, T0,
                added("v1"));

        assertThatThrownBy(() -> SecretAggregate.evolve(state, foreign)).isInstanceOf(IllegalStateException.class);
    }
}
