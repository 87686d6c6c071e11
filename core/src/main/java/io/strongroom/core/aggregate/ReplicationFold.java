package io.strongroom.core.aggregate;

import io.strongroom.core.event.ReplicaEstablished;
import io.strongroom.core.event.ReplicaPromoted;
import io.strongroom.core.event.ReplicaRegionsAdded;
import io.strongroom.core.event.ReplicaRegionsRemoved;
import io.strongroom.core.event.ReplicationStatusChanged;
import io.strongroom.core.event.SecretEvent;
import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.replication.ReplicaStatus;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.SecretState;
import java.util.List;
import java.util.stream.Stream;

/**
 * How replication's events change a secret's state (the part of {@link SecretAggregate#evolve} that
 * concerns replication): a primary's replica regions and their status, a replica's primary region
 * and KmsKeyId, a promotion. None of these change what a reader of the secret's value sees.
 */
final class ReplicationFold {
    private ReplicationFold() {}

    /** Folds a replication event into {@code next}; false if the event is not one of replication's. */
    static boolean fold(SecretState.Builder next, SecretEvent payload) {
        if (payload instanceof ReplicaRegionsAdded added) {
            next.replicas = added(next.replicas, added);
        } else if (payload instanceof ReplicaRegionsRemoved removed) {
            next.replicas = removed(next.replicas, removed);
        } else if (payload instanceof ReplicationStatusChanged changed) {
            next.replicas = changed(next.replicas, changed);
        } else if (payload instanceof ReplicaEstablished established) {
            next.primaryRegion = established.primaryRegion();
            next.kmsKeyId = established.kmsKeyId();
        } else if (payload instanceof ReplicaPromoted) {
            next.primaryRegion = null;
        } else {
            return false;
        }
        return true;
    }

    private static List<ReplicaStatus> added(List<ReplicaStatus> replicas, ReplicaRegionsAdded added) {
        List<String> regions = added.regions().stream().map(ReplicaRegion::region).toList();
        List<ReplicaStatus> kept = replicas.stream().filter(r -> !regions.contains(r.region())).toList();
        List<ReplicaStatus> fresh = added.regions().stream()
                .map(r -> new ReplicaStatus(r.region(), r.kmsKeyId(), ReplicationState.IN_PROGRESS, null, 0))
                .toList();
        return concat(kept, fresh);
    }

    private static List<ReplicaStatus> removed(List<ReplicaStatus> replicas, ReplicaRegionsRemoved removed) {
        return replicas.stream().filter(r -> !removed.regions().contains(r.region())).toList();
    }

    private static List<ReplicaStatus> changed(List<ReplicaStatus> replicas, ReplicationStatusChanged changed) {
        return replicas.stream()
                .map(r -> r.region().equals(changed.region())
                        ? new ReplicaStatus(r.region(), r.kmsKeyId(), changed.status(), changed.statusMessage(),
                                changed.ackedSeq())
                        : r)
                .toList();
    }

    /** A change the replicas have not acknowledged yet: those InSync are InProgress again until they do. */
    static List<ReplicaStatus> behind(List<ReplicaStatus> replicas, long seq) {
        return replicas.stream()
                .map(r -> r.status() == ReplicationState.IN_SYNC && r.ackedSeq() < seq
                        ? new ReplicaStatus(r.region(), r.kmsKeyId(), ReplicationState.IN_PROGRESS, null, r.ackedSeq())
                        : r)
                .toList();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
