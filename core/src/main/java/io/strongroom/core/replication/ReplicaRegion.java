package io.strongroom.core.replication;

/**
 * A region a secret replicates to, as AddReplicaRegions names it.
 *
 * @param kmsKeyId the key the replica's data keys are wrapped under in that region; null for the
 *     region's AWS managed key
 */
public record ReplicaRegion(String region, String kmsKeyId) {}
