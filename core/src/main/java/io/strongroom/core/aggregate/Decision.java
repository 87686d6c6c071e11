package io.strongroom.core.aggregate;

import io.strongroom.core.error.Rejection;
import io.strongroom.core.event.SecretEvent;
import io.strongroom.core.replication.ReplicaReply;
import java.util.List;

/** The result of {@link SecretAggregate#decide}: events to append, a rejection, or an idempotent no-op. */
public sealed interface Decision {

    record Accept(List<SecretEvent> events, List<KeyChange> keyChanges) implements Decision {
        public Accept {
            events = List.copyOf(events);
            keyChanges = List.copyOf(keyChanges);
        }
    }

    record Reject(Rejection rejection) implements Decision {}

    /** The ClientRequestToken names an existing version: nothing changes; the gateway checks the value matches. */
    record Unchanged(String existingVersionId) implements Decision {}

    /**
     * A replica region's decision on a replication command (ApplyReplicaDelta, RemoveReplica,
     * OverwriteForReplica): the events to apply (none for a repeat, a gap or a refusal), their key
     * records, and the reply the replicator reads. A refusal (NAME_TAKEN, PROMOTED, KEY_FAILED) carries
     * a rejection whose message is what the primary shows as the replica's StatusMessage.
     */
    record Replicated(ReplicaReply reply, List<ReplicaEvent> events, List<KeyChange> keyChanges, Rejection rejection)
            implements Decision {
        public Replicated {
            events = List.copyOf(events);
            keyChanges = List.copyOf(keyChanges);
        }

        static Replicated answer(long appliedSeq, ReplicaReply.Result result) {
            return new Replicated(new ReplicaReply(appliedSeq, result), List.of(), List.of(), null);
        }

        static Replicated refuse(long appliedSeq, ReplicaReply.Result result, Rejection rejection) {
            return new Replicated(new ReplicaReply(appliedSeq, result), List.of(), List.of(), rejection);
        }
    }
}
