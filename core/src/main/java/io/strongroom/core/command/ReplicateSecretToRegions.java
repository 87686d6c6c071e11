package io.strongroom.core.command;

import io.strongroom.core.replication.ReplicaRegion;
import java.util.List;

/** Adds replica regions to a primary secret (also what CreateSecret's AddReplicaRegions becomes). */
public record ReplicateSecretToRegions(List<ReplicaRegion> addReplicaRegions, boolean forceOverwriteReplicaSecret)
        implements Command {
    public ReplicateSecretToRegions {
        addReplicaRegions = List.copyOf(addReplicaRegions);
    }
}
