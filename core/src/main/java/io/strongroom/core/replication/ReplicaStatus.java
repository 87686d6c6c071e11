package io.strongroom.core.replication;

/**
 * What the primary knows of one replica: one entry of DescribeSecret's ReplicationStatus.
 *
 * @param ackedSeq the highest sequence number the replica region acknowledged; the replica is in sync
 *     when it equals the secret's {@code seq}
 * @param statusMessage AWS's StatusMessage; null when there is nothing to say
 */
public record ReplicaStatus(String region, String kmsKeyId, ReplicationState status, String statusMessage,
        long ackedSeq) {}
