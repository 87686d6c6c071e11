package io.strongroom.core.aggregate;

import io.strongroom.core.command.ApplyReplicaDelta;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.error.Rejection;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.SecretEvent;
import io.strongroom.core.replication.ReplicaReply;
import io.strongroom.core.replication.ReplicaStatus;
import io.strongroom.core.replication.ReplicableEvents;
import io.strongroom.core.secret.SecretState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps {@link SecretAggregate#decide} into the record the log keeps: events get their envelope
 * (sequence numbers, deterministic event ids) and are folded, so callers get the new state too.
 *
 * <p>The sequence number is the secret's replication sequence: only replicable events advance it,
 * and only in the region that owns the secret. Replication's bookkeeping carries the current number;
 * a replica's own events (its KmsKeyId, its promotion, its removal) carry its current number too, and
 * the primary's events applied to a replica keep the primary's number, timestamp and principal — so a
 * replica's {@code seq} is always the primary's {@code seq} of the last change it applied.
 */
public final class CommandHandler {
    private final String region;

    public CommandHandler(String region) {
        this.region = region;
    }

    public HandledCommand handle(CommandEnvelope command, SecretState state, Instant now) {
        Decision decision = SecretAggregate.decide(command, state, now);
        if (decision instanceof Decision.Reject reject) {
            return unchanged(command, state, now, Outcome.Status.REJECTED, reject.rejection(), null, null);
        }
        if (decision instanceof Decision.Unchanged unchanged) {
            return unchanged(command, state, now, Outcome.Status.UNCHANGED, null, unchanged.existingVersionId(), null);
        }
        if (decision instanceof Decision.Replicated replicated) {
            return replicated(command, state, now, replicated);
        }
        Decision.Accept accept = (Decision.Accept) decision;
        List<ReplicaEvent> events = accept.events().stream().map(ReplicaEvent::own).toList();
        Folded folded = fold(command, state, now, events);
        Outcome outcome = new Outcome(command.commandId(), command.account(), now, folded.secretId(),
                Outcome.Status.APPLIED, null, null, folded.envelopes(), replicaRegions(folded.state()), null);
        return new HandledCommand(outcome, accept.keyChanges(), folded.state());
    }

    private HandledCommand replicated(CommandEnvelope command, SecretState state, Instant now,
            Decision.Replicated replicated) {
        ReplicaReply reply = replicated.reply();
        if (replicated.rejection() != null) {
            return unchanged(command, state, now, Outcome.Status.REJECTED, replicated.rejection(), null, reply);
        }
        if (replicated.events().isEmpty()) {
            return unchanged(command, state, now, Outcome.Status.UNCHANGED, null, null, reply);
        }
        Folded folded = fold(command, state, now, replicated.events());
        Outcome outcome = new Outcome(command.commandId(), command.account(), now, folded.secretId(),
                Outcome.Status.APPLIED, null, null, folded.envelopes(), replicaRegions(folded.state()), reply);
        return new HandledCommand(outcome, replicated.keyChanges(), folded.state());
    }

    private HandledCommand unchanged(CommandEnvelope command, SecretState state, Instant now, Outcome.Status status,
            Rejection rejection, String existingVersionId, ReplicaReply reply) {
        String secretId = state == null ? null : state.secretId();
        Outcome outcome = new Outcome(command.commandId(), command.account(), now, secretId, status, rejection,
                existingVersionId, List.of(), replicaRegions(state), reply);
        return new HandledCommand(outcome, List.of(), state);
    }

    private record Folded(String secretId, List<EventEnvelope> envelopes, SecretState state) {}

    private Folded fold(CommandEnvelope command, SecretState state, Instant now, List<ReplicaEvent> events) {
        boolean creates = !events.isEmpty() && events.get(0).payload() instanceof SecretCreated;
        SecretState current = creates ? null : state;
        String secretId = creates ? newIncarnation(command) : state.secretId();
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (ReplicaEvent event : events) {
            String eventId = command.commandId() + ":" + envelopes.size();
            EventEnvelope envelope = event.isPrimarys()
                    ? new EventEnvelope(event.primary().v(), eventId, command.commandId(), secretId, command.account(),
                            event.primary().seq(), region, event.primary().principal(), event.primary().timestamp(),
                            event.payload())
                    : new EventEnvelope(EventEnvelope.CURRENT_VERSION, eventId, command.commandId(), secretId,
                            command.account(), ownSeq(current, event.payload()), region, command.principal(), now,
                            event.payload());
            current = SecretAggregate.evolve(current, envelope);
            envelopes.add(envelope);
        }
        return new Folded(secretId, envelopes, current);
    }

    /** A local event advances the sequence only if it is replicable and the secret is not a replica. */
    private static long ownSeq(SecretState current, SecretEvent event) {
        long seq = current == null ? 0 : current.seq();
        boolean advances = ReplicableEvents.isReplicable(event) && (current == null || !current.isReplica());
        return advances ? seq + 1 : seq;
    }

    private static String newIncarnation(CommandEnvelope command) {
        if (command.payload() instanceof CreateSecret create) {
            return create.newSecretId();
        }
        if (command.payload() instanceof ApplyReplicaDelta delta) {
            return delta.secretId();
        }
        throw new IllegalStateException("command " + command.commandId() + " cannot create a secret");
    }

    /** What the replicator routes by: the regions the secret replicates to (after the command). */
    private static List<String> replicaRegions(SecretState state) {
        return state == null ? List.of() : state.replicas().stream().map(ReplicaStatus::region).toList();
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
