package io.strongroom.core.replication;

import io.strongroom.core.event.ReplicaEstablished;
import io.strongroom.core.event.ReplicaPromoted;
import io.strongroom.core.event.ReplicaRegionsAdded;
import io.strongroom.core.event.ReplicaRegionsRemoved;
import io.strongroom.core.event.ReplicationStatusChanged;
import io.strongroom.core.event.SecretEvent;

/**
 * Which events a replica sees. Only these advance a secret's sequence number; replication's own
 * bookkeeping (regions added or removed, status reports, promotion) does not, so that a replica's
 * {@code seq} always equals the primary's {@code seq} of the last change it applied.
 */
public final class ReplicableEvents {
    private ReplicableEvents() {}

    public static boolean isReplicable(SecretEvent event) {
        return !(event instanceof ReplicaRegionsAdded || event instanceof ReplicaRegionsRemoved
                || event instanceof ReplicationStatusChanged || event instanceof ReplicaEstablished
                || event instanceof ReplicaPromoted);
    }
}
