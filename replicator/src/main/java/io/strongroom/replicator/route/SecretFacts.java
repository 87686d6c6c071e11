package io.strongroom.replicator.route;

import io.strongroom.core.replication.ReplicaRegion;
import java.util.Map;

/**
 * What the replicator must know of a secret that its outcomes do not repeat: the name (commands are
 * addressed by name in the target region) and, per replica region, the KmsKeyId and whether a name
 * already taken there may be overwritten.
 */
public record SecretFacts(String account, String name, Map<String, ReplicaRegion> replicas, Map<String, Boolean> force) {
    public SecretFacts {
        replicas = Map.copyOf(replicas);
        force = Map.copyOf(force);
    }

    /** The KmsKeyId of the replica in {@code region}; null for the region's default key. */
    public String kmsKeyIdIn(String region) {
        ReplicaRegion replica = replicas.get(region);
        return replica == null ? null : replica.kmsKeyId();
    }

    public boolean forceOverwriteIn(String region) {
        return force.getOrDefault(region, false);
    }
}
