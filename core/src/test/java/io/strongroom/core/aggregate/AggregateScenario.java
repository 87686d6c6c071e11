package io.strongroom.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.command.Command;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.SecretEvent;
import io.strongroom.core.replication.ReplicableEvents;
import io.strongroom.core.secret.SecretState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Given events / when command / expect events or rejection, run through {@link CommandHandler}.
 * Given events belong to {@link Fixtures#SECRET_ID}, stamped {@link Fixtures#T0}; the command runs
 * at {@link Fixtures#NOW} unless {@link #at} says otherwise, with a deadline 30 s after it.
 */
final class AggregateScenario {
    private final SecretState state;
    private CommandEnvelope command;
    private Command payload;
    private Instant now = Fixtures.NOW;

    private AggregateScenario(SecretState state) {
        this.state = state;
    }

    static AggregateScenario given(SecretEvent... events) {
        return given(List.of(events).stream().map(e -> new Timed(Fixtures.T0, e)).toList());
    }

    /** Given events, each stamped with its own time (for rules that depend on a version's age). */
    static AggregateScenario given(List<Timed> events) {
        SecretState state = null;
        long seq = 0;
        for (Timed timed : events) {
            // As CommandHandler numbers them: replication's bookkeeping does not advance the sequence.
            seq += ReplicableEvents.isReplicable(timed.event()) ? 1 : 0;
            state = SecretAggregate.evolve(state, new EventEnvelope(EventEnvelope.CURRENT_VERSION, "given:" + seq + ":" + timed.event().getClass().getSimpleName(),
                    "given", Fixtures.SECRET_ID, Fixtures.ACCOUNT, seq, Fixtures.REGION, Fixtures.PRINCIPAL,
                    timed.at(), timed.event()));
        }
        return new AggregateScenario(state);
    }

    record Timed(Instant at, SecretEvent event) {}

    /** A command addressed by name, with no expected incarnation. */
    AggregateScenario when(Command payload) {
        this.payload = payload;
        return this;
    }

    /** A fully specified command (deadline, SecretId, expected incarnation). */
    AggregateScenario when(CommandEnvelope command) {
        this.command = command;
        return this;
    }

    AggregateScenario at(Instant now) {
        this.now = now;
        return this;
    }

    SecretState state() {
        return state;
    }

    HandledCommand run() {
        CommandEnvelope envelope = command != null ? command : new CommandEnvelope("cmd-1", Fixtures.ACCOUNT,
                Fixtures.PRINCIPAL, now.plus(Duration.ofSeconds(30)), Fixtures.NAME, null, payload);
        return new CommandHandler(Fixtures.REGION).handle(envelope, state, now);
    }

    /** Asserts the command was applied with exactly these event payloads; returns the result for more checks. */
    HandledCommand expectEvents(SecretEvent... expected) {
        HandledCommand handled = run();
        assertThat(handled.outcome().rejection()).as("rejection").isNull();
        assertThat(handled.outcome().status()).isEqualTo(Outcome.Status.APPLIED);
        assertThat(handled.outcome().events()).extracting(EventEnvelope::payload).containsExactly(expected);
        return handled;
    }

    void expectRejection(AwsErrorCode code, String message) {
        HandledCommand handled = run();
        assertThat(handled.outcome().status()).isEqualTo(Outcome.Status.REJECTED);
        assertThat(handled.outcome().rejection()).isEqualTo(new Rejection(code, message));
        assertNoEffect(handled);
    }

    void expectUnchanged(String existingVersionId) {
        HandledCommand handled = run();
        assertThat(handled.outcome().status()).isEqualTo(Outcome.Status.UNCHANGED);
        assertThat(handled.outcome().existingVersionId()).isEqualTo(existingVersionId);
        assertNoEffect(handled);
    }

    private void assertNoEffect(HandledCommand handled) {
        assertThat(handled.outcome().events()).isEmpty();
        assertThat(handled.keyChanges()).isEmpty();
        assertThat(handled.stateAfter()).isSameAs(state);
    }
}
