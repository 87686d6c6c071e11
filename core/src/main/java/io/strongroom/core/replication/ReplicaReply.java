package io.strongroom.core.replication;

/**
 * A replica region's answer to a replication command, carried in its {@code Outcome} so that the
 * replicator (reading that region's events topic) knows exactly where the replica stands.
 *
 * @param appliedSeq the replica's sequence number after deciding the command (0 if it has no replica)
 */
public record ReplicaReply(long appliedSeq, Result result) {
    public enum Result {
        /** The delta (or removal, or overwrite) was applied. */
        APPLIED,
        /** Every event of the delta was applied before: nothing changed. */
        ALREADY_APPLIED,
        /** The delta starts after {@code appliedSeq + 1}: replay this secret from {@code appliedSeq + 1}. */
        GAP,
        /** Another secret (not a replica of this one) holds the name; ForceOverwriteReplicaSecret decides. */
        NAME_TAKEN,
        /** The replica was promoted with StopReplicationToReplica: it ignores its former primary. */
        PROMOTED,
        /** The replica's KmsKeyId is unknown in its region, or a data key did not import. */
        KEY_FAILED
    }
}
