package io.strongroom.core.aggregate;

import io.strongroom.core.command.ForgetReplica;
import io.strongroom.core.command.RemoveRegionsFromReplication;
import io.strongroom.core.command.ReplicateSecretToRegions;
import io.strongroom.core.command.ReportReplicationStatus;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.ReplicaRegionsAdded;
import io.strongroom.core.event.ReplicaRegionsRemoved;
import io.strongroom.core.event.ReplicationStatusChanged;
import io.strongroom.core.event.SecretEvent;
import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.replication.ReplicaStatus;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.SecretLocator;
import io.strongroom.core.secret.SecretState;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The primary's side of replication: which regions a secret replicates to, and what each replica
 * region acknowledged. Replication's bookkeeping events never advance the secret's sequence number
 * (see {@code ReplicableEvents}).
 *
 * <p>Edge cases: a region already replicated to can be added again only when its replication
 * Failed (a retry, e.g. with ForceOverwriteReplicaSecret); removing a region the secret does not
 * replicate to is a no-op, as AWS answers it; a status report older than what the region already
 * acknowledged, or for a region no longer replicated to, changes nothing.
 */
final class ReplicationRules {
    static final String INVALID_REPLICA_REGION = "Invalid replica region.";

    private ReplicationRules() {}

    static Decision replicate(ReplicateSecretToRegions command, SecretState state) {
        Set<String> seen = new HashSet<>();
        for (ReplicaRegion region : command.addReplicaRegions()) {
            boolean replicating = replica(state, region.region())
                    .filter(r -> r.status() != ReplicationState.FAILED).isPresent();
            if (!seen.add(region.region()) || region.region().equals(state.region()) || replicating) {
                return reject(AwsErrorCode.INVALID_PARAMETER, INVALID_REPLICA_REGION);
            }
        }
        return accept(new ReplicaRegionsAdded(command.addReplicaRegions(), command.forceOverwriteReplicaSecret()));
    }

    static Decision remove(RemoveRegionsFromReplication command, SecretState state) {
        List<String> present = command.removeReplicaRegions().stream().distinct()
                .filter(region -> replica(state, region).isPresent())
                .toList();
        return present.isEmpty() ? accept() : accept(new ReplicaRegionsRemoved(present, true));
    }

    /** A promoted replica's region: dropped without deleting anything there (the replica is standalone now). */
    static Decision forget(ForgetReplica command, SecretState state) {
        return replica(state, command.region()).isPresent()
                ? accept(new ReplicaRegionsRemoved(List.of(command.region()), false))
                : accept();
    }

    /** InSync only once the region acknowledged the secret's latest sequence number; no event when nothing changed. */
    static Decision report(ReportReplicationStatus report, SecretState state) {
        Optional<ReplicaStatus> current = replica(state, report.region());
        if (current.isEmpty() || report.seq() < current.get().ackedSeq()) {
            return accept();
        }
        ReplicationState status = report.status() == ReplicationState.IN_SYNC && report.seq() < state.seq()
                ? ReplicationState.IN_PROGRESS
                : report.status();
        String message = status == ReplicationState.FAILED ? report.statusMessage() : null;
        ReplicaStatus next = new ReplicaStatus(report.region(), current.get().kmsKeyId(), status, message,
                report.seq());
        if (next.equals(current.get())) {
            return accept();
        }
        return accept(new ReplicationStatusChanged(report.region(), status, message, report.seq()));
    }

    /** AWS refuses to delete a primary that still has replicas; they must be removed first. */
    static Optional<Decision> refuseDeletionWithReplicas(SecretState state) {
        if (state.replicas().isEmpty()) {
            return Optional.empty();
        }
        String regions = String.join(",", state.replicas().stream().map(ReplicaStatus::region).toList());
        return Optional.of(reject(AwsErrorCode.INVALID_PARAMETER,
                "You can't delete secret " + SecretLocator.arnOf(state) + " that still has replica regions ["
                        + regions + "]"));
    }

    private static Optional<ReplicaStatus> replica(SecretState state, String region) {
        return state.replicas().stream().filter(r -> r.region().equals(region)).findFirst();
    }

    private static Decision accept(SecretEvent... events) {
        return new Decision.Accept(List.of(events), List.of());
    }

    private static Decision reject(AwsErrorCode code, String message) {
        return new Decision.Reject(code.reject(message));
    }
}
