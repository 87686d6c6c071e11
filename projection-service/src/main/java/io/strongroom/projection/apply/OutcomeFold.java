package io.strongroom.projection.apply;

import io.strongroom.core.aggregate.CommandHandler;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.event.VersionsRemoved;
import io.strongroom.core.aggregate.KeyChange;
import io.strongroom.core.secret.SecretState;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds one outcome into the pending batch. Only APPLIED outcomes change state; REJECTED and
 * UNCHANGED ones are recorded so their waiters complete. The events of a CreateSecret start from no
 * state (the name may still be held by nothing, or the outcome may be replayed over a wiped store);
 * every other outcome folds onto its incarnation's current state.
 */
final class OutcomeFold {
    private OutcomeFold() {}

    static void apply(PendingBatch batch, Outcome outcome) {
        if (outcome.status() == Outcome.Status.APPLIED && !outcome.events().isEmpty()) {
            boolean creates = outcome.events().get(0).payload() instanceof SecretCreated;
            SecretState before = creates ? null : batch.state(outcome.secretId());
            if (before == null && !creates) {
                throw new IllegalStateException("outcome of command " + outcome.commandId()
                        + " changes secret " + outcome.secretId() + ", which this projection does not hold");
            }
            batch.putState(CommandHandler.apply(before, outcome));
            stageValues(batch, outcome);
        }
        batch.applied(outcome);
    }

    /** The values of the versions an outcome adds, and the deletion of those it removes (a purge drops them all). */
    private static void stageValues(PendingBatch batch, Outcome outcome) {
        for (EventEnvelope event : outcome.events()) {
            if (event.payload() instanceof VersionAdded added) {
                batch.putValue(KeyChange.recordKey(event.secretId(), added.versionId()), added.value());
            } else if (event.payload() instanceof VersionsRemoved removed) {
                removed.versionIds().forEach(id -> batch.deleteValue(KeyChange.recordKey(event.secretId(), id)));
            }
        }
    }

    /** The key records (secretId/versionId) of the versions an outcome adds; none unless APPLIED. */
    static List<String> addedKeys(Outcome outcome) {
        if (outcome.status() != Outcome.Status.APPLIED) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(1);
        for (EventEnvelope event : outcome.events()) {
            if (event.payload() instanceof VersionAdded added) {
                keys.add(KeyChange.recordKey(event.secretId(), added.versionId()));
            }
        }
        return keys;
    }
}
