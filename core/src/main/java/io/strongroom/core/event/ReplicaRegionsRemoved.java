package io.strongroom.core.event;

import java.util.List;

/**
 * The primary no longer replicates to these regions: removed by RemoveRegionsFromReplication
 * ({@code deleteReplicas}: the replicator purges them) or forgotten after a promotion. Not replicated.
 */
public record ReplicaRegionsRemoved(List<String> regions, boolean deleteReplicas) implements SecretEvent {
    public ReplicaRegionsRemoved {
        regions = List.copyOf(regions);
    }
}
