package io.strongroom.projection.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.secret.EncryptedValue;
import io.strongroom.core.secret.ValueType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class OutcomeWaitersTest {
    private final MutableClock clock = new MutableClock();
    private final OutcomeWaiters waiters = new OutcomeWaiters(clock, 3, Duration.ofMinutes(10));

    @Test
    void aWaiterRegisteredBeforeTheOutcomeIsCompletedWhenItIsApplied() {
        CompletableFuture<Outcome> waiting = waiters.await("c1", Duration.ofSeconds(10));
        assertThat(waiting).isNotDone();
        waiters.applied(List.of(outcome("c1")));
        assertThat(waiting).isCompletedWithValueMatching(o -> o.commandId().equals("c1"));
    }

    @Test
    void aWaiterArrivingAfterTheOutcomeIsAnsweredFromTheRecentOutcomes() {
        waiters.applied(List.of(outcome("c1")));
        assertThat(waiters.await("c1", Duration.ofSeconds(10))).isCompletedWithValueMatching(o -> o.commandId().equals("c1"));
    }

    @Test
    void aWaiterForAnOutcomeThatNeverComesTimesOut() {
        assertThat(waiters.await("unknown", Duration.ofMillis(50)))
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void recentOutcomesAreBoundedByCountAndByAge() {
        waiters.applied(List.of(outcome("c1"), outcome("c2"), outcome("c3"), outcome("c4")));
        assertThat(waiters.recentCount()).isEqualTo(3);
        assertThat(waiters.await("c1", Duration.ZERO)).isNotCompleted();

        clock.now = clock.now.plus(Duration.ofMinutes(11));
        waiters.applied(List.of(outcome("c5")));
        assertThat(waiters.recentCount()).isEqualTo(1);
    }

    @Test
    void anOutcomeThatAnsweredAWaiterIsKeptOnlyBrieflyAndAnUnawaitedOneForTheRetention() {
        CompletableFuture<Outcome> waiting = waiters.await("awaited", Duration.ofSeconds(10));
        waiters.applied(List.of(outcome("awaited"), outcome("unawaited")));
        assertThat(waiting).isCompleted();
        assertThat(waiters.await("awaited", Duration.ZERO)).as("a second await soon after").isCompleted();

        clock.now = clock.now.plus(OutcomeWaiters.ANSWERED_RETENTION).plusMillis(1);
        waiters.applied(List.of(outcome("later")));

        assertThat(waiters.await("awaited", Duration.ZERO)).isNotCompleted();
        assertThat(waiters.await("unawaited", Duration.ZERO)).isCompleted();
        assertThat(waiters.recentCount()).isEqualTo(2);
    }

    @Test
    void anAnsweredOutcomeIsGoneWellWithinAYoungCollectionsInterval() {
        // Kept longer, answered outcomes were most of what each young collection copied under puts.
        waiters.await("awaited", Duration.ofSeconds(10));
        waiters.applied(List.of(outcome("awaited")));

        clock.now = clock.now.plusMillis(500);
        waiters.applied(List.of(outcome("later")));

        assertThat(waiters.await("awaited", Duration.ZERO)).isNotCompleted();
    }

    @Test
    void aReplayedOutcomeIsNotKeptButStillAnswersAWaiterForIt() {
        Instant longAgo = clock.now.minus(Duration.ofMinutes(10)).minus(OutcomeWaiters.CLOCK_SKEW_ALLOWANCE)
                .minusMillis(1);
        CompletableFuture<Outcome> waiting = waiters.await("awaited", Duration.ofSeconds(10));

        waiters.applied(List.of(decidedAt("replayed", longAgo), decidedAt("awaited", longAgo)));

        assertThat(waiting).isCompletedWithValueMatching(o -> o.commandId().equals("awaited"));
        assertThat(waiters.recentCount()).isEqualTo(1);
        assertThat(waiters.await("replayed", Duration.ZERO)).isNotCompleted();
    }

    @Test
    void anOutcomeWithinTheRetentionAndTheClockSkewIsKept() {
        waiters.applied(List.of(decidedAt("c1", clock.now.minus(Duration.ofMinutes(10)))));

        assertThat(waiters.await("c1", Duration.ZERO)).isCompleted();
    }

    @Test
    void closingFailsCurrentAndLaterWaitersButStillAnswersKnownOutcomes() {
        waiters.applied(List.of(outcome("known")));
        CompletableFuture<Outcome> waiting = waiters.await("c1", Duration.ofSeconds(10));
        waiters.close(new IllegalStateException("stopped"));

        assertThat(waiting).isCompletedExceptionally();
        assertThat(waiters.await("c2", Duration.ofSeconds(10))).isCompletedExceptionally();
        assertThat(waiters.await("known", Duration.ofSeconds(10))).isCompleted();
    }

    @Test
    void outcomesAreHandedOutWithoutTheCiphertextOfTheVersionsTheyAdd() {
        EventEnvelope added = new EventEnvelope(1, "c1:0", "c1", "s1", "acct", 2, "eu-west-1", "me", clock.now,
                new VersionAdded("v1", new EncryptedValue(ValueType.STRING, new byte[] {1, 2, 3})));
        waiters.applied(List.of(new Outcome("c1", "acct", clock.now, "s1", Outcome.Status.APPLIED, null, null,
                List.of(added))));

        Outcome seen = waiters.await("c1", Duration.ofSeconds(1)).join();
        VersionAdded payload = (VersionAdded) seen.events().get(0).payload();
        assertThat(payload.versionId()).isEqualTo("v1");
        assertThat(payload.value()).isNull();
    }

    private Outcome outcome(String commandId) {
        return decidedAt(commandId, clock.now);
    }

    private static Outcome decidedAt(String commandId, Instant timestamp) {
        return new Outcome(commandId, "acct", timestamp, "s1", Outcome.Status.UNCHANGED, null, "v1", List.of());
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
