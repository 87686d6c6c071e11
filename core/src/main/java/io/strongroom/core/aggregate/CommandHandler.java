package io.strongroom.core.aggregate;

import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.SecretEvent;
import io.strongroom.core.secret.SecretState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps {@link SecretAggregate#decide} into the record the log keeps: events get their envelope
 * (sequence numbers, deterministic event ids) and are folded, so callers get the new state too.
 */
public final class CommandHandler {
    private final String region;

    public CommandHandler(String region) {
        this.region = region;
    }

    public HandledCommand handle(CommandEnvelope command, SecretState state, Instant now) {
        Decision decision = SecretAggregate.decide(command, state, now);
        String secretId = state == null ? null : state.secretId();
        if (decision instanceof Decision.Reject reject) {
            Outcome outcome = new Outcome(command.commandId(), command.account(), now, secretId,
                    Outcome.Status.REJECTED, reject.rejection(), null, List.of());
            return new HandledCommand(outcome, List.of(), state);
        }
        if (decision instanceof Decision.Unchanged unchanged) {
            Outcome outcome = new Outcome(command.commandId(), command.account(), now, secretId,
                    Outcome.Status.UNCHANGED, null, unchanged.existingVersionId(), List.of());
            return new HandledCommand(outcome, List.of(), state);
        }
        Decision.Accept accept = (Decision.Accept) decision;
        boolean creates = command.payload() instanceof CreateSecret;
        if (creates) {
            secretId = ((CreateSecret) command.payload()).newSecretId();
        }
        SecretState current = creates ? null : state;
        long seq = creates ? 0 : state.seq();
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (SecretEvent event : accept.events()) {
            seq++;
            EventEnvelope envelope = new EventEnvelope(EventEnvelope.CURRENT_VERSION,
                    command.commandId() + ":" + envelopes.size(), command.commandId(), secretId, command.account(),
                    seq, region, command.principal(), now, event);
            current = SecretAggregate.evolve(current, envelope);
            envelopes.add(envelope);
        }
        Outcome outcome = new Outcome(command.commandId(), command.account(), now, secretId,
                Outcome.Status.APPLIED, null, null, envelopes);
        return new HandledCommand(outcome, accept.keyChanges(), current);
    }

    /** Folds every event of an outcome (the projection's and the rebuild's path). */
    public static SecretState apply(SecretState state, Outcome outcome) {
        SecretState current = state;
        for (EventEnvelope event : outcome.events()) {
            current = SecretAggregate.evolve(current, event);
        }
        return current;
    }
}
