package io.strongroom.core.aggregate;

import io.strongroom.core.command.ApplyReplicaDelta;
import io.strongroom.core.command.OverwriteForReplica;
import io.strongroom.core.command.RemoveReplica;
import io.strongroom.core.command.UpdateSecret;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.ReplicaEstablished;
import io.strongroom.core.event.ReplicaPromoted;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.SecretUpdated;
import io.strongroom.core.replication.ReplicaReply;
import io.strongroom.core.replication.ReplicaReply.Result;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretState;
import java.util.List;

/**
 * The replica region's side of replication. The state a replica command sees is the live secret
 * holding the name in the replica region (or null). "This replica" is the incarnation the primary
 * names (same secret id) while it is still a replica; the same id no longer a replica was promoted.
 *
 * <p>Edge cases: a delta whose events this replica all has is a no-op (ALREADY_APPLIED), one that
 * starts after {@code seq + 1} is a GAP the replicator repairs by replaying; a delta for a name no
 * secret holds must start with the primary's SecretCreated (seq 1), else it is a GAP from 0. Data
 * keys are imported before deciding (command-service): one that did not import refuses the delta
 * (KEY_FAILED) instead of storing a version nobody could open.
 */
final class ReplicaRules {
    static final String NOT_PERMITTED_ON_REPLICA =
            "Operation not permitted on a replica secret. Call must be made in primary secret's region.";
    static final String NOT_A_REPLICA = "The secret is not a replica secret.";
    static final String KEY_FAILED =
            "Replication failed: the secret's data keys could not be encrypted with the replica's KMS key.";
    static final String PROMOTED = "Replication failed: the replica was promoted to a standalone secret.";

    private ReplicaRules() {}

    /** A replica is read-only in its region, except for its own KmsKeyId and its promotion. */
    static boolean permittedOnReplica(Object payload) {
        if (payload instanceof UpdateSecret update) {
            return update.kmsKeyId() != null && update.description() == null && update.value() == null;
        }
        return false;
    }

    static Decision promote(SecretState replica) {
        return new Decision.Accept(List.of(new ReplicaPromoted(replica.primaryRegion())), List.of());
    }

    static Decision applyDelta(ApplyReplicaDelta delta, SecretState holder) {
        if (holder == null) {
            List<EventEnvelope> events = delta.events();
            boolean startsTheSecret = !events.isEmpty() && events.get(0).seq() == 1
                    && events.get(0).payload() instanceof SecretCreated;
            return startsTheSecret ? ReplicaDelta.apply(delta, null, events)
                    : Decision.Replicated.answer(0, Result.GAP);
        }
        if (!holder.secretId().equals(delta.secretId())) {
            return Decision.Replicated.refuse(0, Result.NAME_TAKEN, nameTaken(holder));
        }
        if (!holder.isReplica()) {
            return Decision.Replicated.refuse(holder.seq(), Result.PROMOTED,
                    AwsErrorCode.INVALID_REQUEST.reject(PROMOTED));
        }
        List<EventEnvelope> unseen = delta.events().stream().filter(e -> e.seq() > holder.seq()).toList();
        if (unseen.isEmpty()) {
            return Decision.Replicated.answer(holder.seq(), Result.ALREADY_APPLIED);
        }
        if (unseen.get(0).seq() != holder.seq() + 1) {
            return Decision.Replicated.answer(holder.seq(), Result.GAP);
        }
        return ReplicaDelta.apply(delta, holder, unseen);
    }

    /** Deletes this replica (RemoveRegionsFromReplication in the primary's region); anything else is left alone. */
    static Decision remove(RemoveReplica command, SecretState holder) {
        if (holder == null || !holder.secretId().equals(command.secretId())) {
            return Decision.Replicated.answer(0, Result.ALREADY_APPLIED);
        }
        if (!holder.isReplica()) {
            return Decision.Replicated.refuse(holder.seq(), Result.PROMOTED,
                    AwsErrorCode.INVALID_REQUEST.reject(PROMOTED));
        }
        return purge(holder, holder.seq());
    }

    /** ForceOverwriteReplicaSecret: purges the other secret holding the name, so the replica can be created. */
    static Decision overwrite(OverwriteForReplica command, SecretState holder) {
        if (holder == null) {
            return Decision.Replicated.answer(0, Result.ALREADY_APPLIED);
        }
        if (holder.secretId().equals(command.secretId())) {
            return holder.isReplica()
                    ? Decision.Replicated.answer(holder.seq(), Result.ALREADY_APPLIED)
                    : Decision.Replicated.refuse(holder.seq(), Result.PROMOTED,
                            AwsErrorCode.INVALID_REQUEST.reject(PROMOTED));
        }
        if (!holder.replicas().isEmpty()) {
            // Purging it would strand its own replicas: the name stays taken.
            return Decision.Replicated.refuse(0, Result.NAME_TAKEN, nameTaken(holder));
        }
        if (command.primaryRegion().equals(holder.primaryRegion())) {
            // Another incarnation from the same primary region: the primary's own log orders the two (a
            // late resend of a purged incarnation's delta must never destroy its successor), so never purge it.
            return Decision.Replicated.refuse(0, Result.NAME_TAKEN, nameTaken(holder));
        }
        return purge(holder, 0);
    }

    /** AWS's StatusMessage when the name is taken in the replica region. */
    static Rejection nameTaken(SecretState holder) {
        return AwsErrorCode.RESOURCE_EXISTS.reject("Replication failed: Secret name " + holder.name()
                + " already exists in region " + holder.region() + ".");
    }

    private static Decision purge(SecretState holder, long appliedSeq) {
        List<KeyChange> shredded = holder.versions().keySet().stream()
                .map(versionId -> KeyChange.shred(holder.secretId(), versionId))
                .toList();
        return new Decision.Replicated(new ReplicaReply(appliedSeq, Result.APPLIED),
                List.of(ReplicaEvent.own(new SecretPurged())), shredded, null);
    }

    /** The replica keeps its own KmsKeyId: the primary's never replaces it. */
    static ReplicaEvent asReplica(EventEnvelope primary) {
        if (primary.payload() instanceof SecretUpdated updated && updated.kmsKeyId() != null) {
            return new ReplicaEvent(new SecretUpdated(updated.description(), null), primary);
        }
        return new ReplicaEvent(primary.payload(), primary);
    }

    static ReplicaEvent established(ApplyReplicaDelta delta) {
        return ReplicaEvent.own(new ReplicaEstablished(delta.primaryRegion(), delta.replicaKmsKeyId()));
    }

    static boolean isLive(SecretState state) {
        return state != null && state.lifecycle() != Lifecycle.PURGED;
    }
}
