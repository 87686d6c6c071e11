package io.strongroom.core.command;

import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.event.EventEnvelope;
import java.util.List;
import java.util.Map;

/**
 * The replicator's delivery of a primary secret's changes to a replica region (sent to that region's
 * commands topic; the envelope's secretId is the secret's name). The events are the primary's
 * replicable events with the primary's sequence numbers, consecutive; the replica applies them when
 * the first is its {@code seq + 1}, ignores those it already has, and answers a gap otherwise.
 *
 * @param secretId the primary's incarnation id, which the replica keeps (so its ARN is the primary's
 *     with its own region)
 * @param replicaKmsKeyId the key the replica wraps data keys under in its region; null for the AWS managed key
 * @param transportKeys the data keys of the versions the events add, by version id, wrapped to the
 *     replica region's replication public key (see {@code TransportCipher}); a version whose key was
 *     already shredded in the primary is absent
 * @param importedKeys the same keys re-wrapped under the replica region's master key: filled by the
 *     replica's command-service before it decides (transportKeys is then empty), never sent
 */
public record ApplyReplicaDelta(
        String primaryRegion,
        String secretId,
        String replicaKmsKeyId,
        boolean forceOverwriteReplicaSecret,
        List<EventEnvelope> events,
        Map<String, byte[]> transportKeys,
        Map<String, WrappedKey> importedKeys) implements Command {
    public ApplyReplicaDelta {
        events = List.copyOf(events);
        transportKeys = transportKeys == null ? Map.of() : Map.copyOf(transportKeys);
        importedKeys = importedKeys == null ? Map.of() : Map.copyOf(importedKeys);
    }
}
