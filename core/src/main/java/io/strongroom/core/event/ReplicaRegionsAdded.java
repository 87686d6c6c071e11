package io.strongroom.core.event;

import io.strongroom.core.replication.ReplicaRegion;
import java.util.List;

/** The primary now replicates to these regions (each starts InProgress). Not replicated. */
public record ReplicaRegionsAdded(List<ReplicaRegion> regions, boolean forceOverwriteReplicaSecret)
        implements SecretEvent {
    public ReplicaRegionsAdded {
        regions = List.copyOf(regions);
    }
}
