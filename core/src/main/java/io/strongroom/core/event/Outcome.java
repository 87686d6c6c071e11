package io.strongroom.core.event;

import io.strongroom.core.error.Rejection;
import io.strongroom.core.replication.ReplicaReply;
import java.time.Instant;
import java.util.List;

/**
 * What became of one command: the value of one record on {@code strongroom.events}. All of a
 * command's events travel in one record, so a reader applies a command entirely or not at all.
 *
 * @param secretId the incarnation the command resolved to; null if it resolved to none
 * @param existingVersionId for {@link Status#UNCHANGED}: the version the ClientRequestToken already names
 * @param replicaRegions in a primary's region: the regions the secret replicates to after this command
 *     (the replicator routes by it); empty when it replicates nowhere
 * @param replica in a replica's region: its answer to a replication command; null for any other command
 */
public record Outcome(
        String commandId,
        String account,
        Instant timestamp,
        String secretId,
        Status status,
        Rejection rejection,
        String existingVersionId,
        List<EventEnvelope> events,
        List<String> replicaRegions,
        ReplicaReply replica) {

    public Outcome {
        events = events == null ? List.of() : List.copyOf(events);
        replicaRegions = replicaRegions == null ? List.of() : List.copyOf(replicaRegions);
    }

    /** An outcome with nothing to say about replication. */
    public Outcome(String commandId, String account, Instant timestamp, String secretId, Status status,
            Rejection rejection, String existingVersionId, List<EventEnvelope> events) {
        this(commandId, account, timestamp, secretId, status, rejection, existingVersionId, events, List.of(), null);
    }

    public enum Status {
        /** The events changed the secret. */
        APPLIED,
        /** Refused; nothing changed. */
        REJECTED,
        /** An idempotent repeat: nothing changed, the earlier result stands. */
        UNCHANGED
    }
}
