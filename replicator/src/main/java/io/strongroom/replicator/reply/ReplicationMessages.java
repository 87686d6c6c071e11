package io.strongroom.replicator.reply;

/** The StatusMessages a failed replica shows in the primary's ReplicationStatus. */
public final class ReplicationMessages {
    public static final String NAME_TAKEN =
            "Replication failed: Secret name already exists in region. Use ForceOverwriteReplicaSecret to overwrite it.";
    public static final String KEY_FAILED =
            "Replication failed: The replica's KMS key is not available in its region, or a data key did not import.";

    private ReplicationMessages() {}

    public static String unreachable(String target) {
        return "Replication failed: region " + target + " unreachable; retrying until it answers.";
    }

    public static String rejected(String target, String message) {
        return "Replication failed: region " + target + " refused the change: " + message;
    }
}
