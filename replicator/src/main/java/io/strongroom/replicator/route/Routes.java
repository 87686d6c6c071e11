package io.strongroom.replicator.route;

import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.ReplicaPromoted;
import io.strongroom.core.event.ReplicaRegionsAdded;
import io.strongroom.core.event.ReplicaRegionsRemoved;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.replication.ReplicableEvents;
import java.util.ArrayList;
import java.util.List;

/**
 * Routing without state: which {@link Plan}s an own-log outcome gives a target region. Only APPLIED
 * outcomes count. An outcome that adds the target to an existing secret is a full sync (which also
 * carries the outcome's own changes); one that creates the secret with the target is its whole history,
 * sent as a delta; otherwise the replicable events go to the regions in {@code Outcome.replicaRegions}.
 */
public final class Routes {
    private Routes() {}

    public static List<Plan> plan(Outcome outcome, String target) {
        if (outcome.status() != Outcome.Status.APPLIED || outcome.secretId() == null) {
            return List.of();
        }
        boolean added = false;
        boolean removed = false;
        boolean promoted = false;
        List<EventEnvelope> replicable = new ArrayList<>();
        for (EventEnvelope event : outcome.events()) {
            if (event.payload() instanceof ReplicaRegionsAdded add) {
                added |= add.regions().stream().anyMatch(r -> r.region().equals(target));
            } else if (event.payload() instanceof ReplicaRegionsRemoved remove) {
                removed |= remove.deleteReplicas() && remove.regions().contains(target);
            } else if (event.payload() instanceof ReplicaPromoted promotion) {
                promoted |= target.equals(promotion.formerPrimaryRegion());
            } else if (ReplicableEvents.isReplicable(event.payload())) {
                replicable.add(event);
            }
        }
        List<Plan> plans = new ArrayList<>();
        if (added && !createsTheSecret(replicable)) {
            plans.add(new Plan.FullSync());
        } else if (added) {
            // Created with its replica regions: its whole history is this outcome, no need to read the log.
            plans.add(new Plan.Delta(replicable));
        } else if (!replicable.isEmpty() && outcome.replicaRegions().contains(target)) {
            plans.add(new Plan.Delta(replicable));
        }
        if (removed) {
            plans.add(new Plan.RemoveReplica());
        }
        if (promoted) {
            plans.add(new Plan.ForgetReplica());
        }
        return plans;
    }

    private static boolean createsTheSecret(List<EventEnvelope> replicable) {
        return !replicable.isEmpty() && replicable.get(0).seq() == 1 && replicable.get(0).payload() instanceof SecretCreated;
    }
}
