package io.strongroom.core.aggregate;

import io.strongroom.core.command.ApplyReplicaDelta;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.SecretEvent;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.event.VersionsRemoved;
import io.strongroom.core.replication.ReplicaReply;
import io.strongroom.core.secret.SecretState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the unseen part of a delta to a replica: the primary's events in order (ReplicaEstablished
 * right after SecretCreated), with the key records the replica region keeps for them — its own
 * re-wrapped data key for each new version, a shred for each version removed or purged.
 */
final class ReplicaDelta {
    private ReplicaDelta() {}

    /**
     * @param replica this replica before the delta, or null when the delta creates it
     * @param unseen the delta's events after the replica's seq, the first being its {@code seq + 1}
     */
    static Decision apply(ApplyReplicaDelta delta, SecretState replica, List<EventEnvelope> unseen) {
        long before = replica == null ? 0 : replica.seq();
        if (!delta.transportKeys().isEmpty()) {
            return Decision.Replicated.refuse(before, ReplicaReply.Result.KEY_FAILED,
                    AwsErrorCode.ENCRYPTION_FAILURE.reject(ReplicaRules.KEY_FAILED));
        }
        Set<String> versions = replica == null ? new LinkedHashSet<>() : new LinkedHashSet<>(replica.versions().keySet());
        List<ReplicaEvent> events = new ArrayList<>();
        List<KeyChange> keys = new ArrayList<>();
        for (EventEnvelope event : unseen) {
            events.add(ReplicaRules.asReplica(event));
            SecretEvent payload = event.payload();
            if (payload instanceof SecretCreated) {
                events.add(ReplicaRules.established(delta));
            } else if (payload instanceof VersionAdded added) {
                versions.add(added.versionId());
                WrappedKey key = delta.importedKeys().get(added.versionId());
                if (key != null) {
                    // Absent when the primary had shredded it already: the version is replicated without a value.
                    keys.add(KeyChange.put(delta.secretId(), added.versionId(), key));
                }
            } else if (payload instanceof VersionsRemoved removed) {
                removed.versionIds().forEach(versionId -> {
                    versions.remove(versionId);
                    keys.add(KeyChange.shred(delta.secretId(), versionId));
                });
            } else if (payload instanceof SecretPurged) {
                versions.forEach(versionId -> keys.add(KeyChange.shred(delta.secretId(), versionId)));
                versions.clear();
            }
        }
        long applied = unseen.get(unseen.size() - 1).seq();
        return new Decision.Replicated(new ReplicaReply(applied, ReplicaReply.Result.APPLIED), events, keys, null);
    }
}
