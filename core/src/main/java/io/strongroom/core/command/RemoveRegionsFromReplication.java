package io.strongroom.core.command;

import java.util.List;

/** Stops replicating a primary secret to these regions; the replicator then deletes those replicas. */
public record RemoveRegionsFromReplication(List<String> removeReplicaRegions) implements Command {
    public RemoveRegionsFromReplication {
        removeReplicaRegions = List.copyOf(removeReplicaRegions);
    }
}
