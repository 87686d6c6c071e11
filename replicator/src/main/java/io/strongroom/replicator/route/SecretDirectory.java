package io.strongroom.replicator.route;

import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.ReplicaRegionsAdded;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.replication.ReplicaRegion;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link SecretFacts} of every secret whose history was read, learnt from the own events log:
 * the name from SecretCreated, the replica regions' KmsKeyIds and overwrite flags from
 * ReplicaRegionsAdded. Not thread-safe: one per target stream.
 */
public final class SecretDirectory {
    private final Map<String, SecretFacts> bySecretId = new HashMap<>();

    public void learn(Outcome outcome) {
        if (outcome.status() != Outcome.Status.APPLIED) {
            return;
        }
        for (EventEnvelope event : outcome.events()) {
            if (event.payload() instanceof SecretCreated created) {
                // An incarnation is created once; reading its history again must not forget its regions.
                bySecretId.putIfAbsent(event.secretId(),
                        new SecretFacts(event.account(), created.name(), Map.of(), Map.of()));
            } else if (event.payload() instanceof ReplicaRegionsAdded added) {
                SecretFacts known = bySecretId.get(event.secretId());
                if (known != null) {
                    Map<String, ReplicaRegion> replicas = new HashMap<>(known.replicas());
                    Map<String, Boolean> force = new HashMap<>(known.force());
                    for (ReplicaRegion region : added.regions()) {
                        replicas.put(region.region(), region);
                        force.put(region.region(), added.forceOverwriteReplicaSecret());
                    }
                    bySecretId.put(event.secretId(), new SecretFacts(known.account(), known.name(), replicas, force));
                }
            }
        }
    }

    public Optional<SecretFacts> find(String secretId) {
        return Optional.ofNullable(bySecretId.get(secretId));
    }
}
