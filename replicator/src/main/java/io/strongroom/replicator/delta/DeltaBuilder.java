package io.strongroom.replicator.delta;

import io.strongroom.core.codec.Json;
import io.strongroom.core.command.ApplyReplicaDelta;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.replication.PeerRegion;
import io.strongroom.replicator.route.SecretFacts;
import java.util.List;
import java.util.Map;

/**
 * Turns a secret's replicable events (grouped per outcome, in sequence order) into the
 * ApplyReplicaDelta commands for one target, each below {@link #RECORD_LIMIT} bytes, with the
 * transport keys of the versions it adds.
 */
public final class DeltaBuilder {
    /** Well under Kafka's default 1 MB record limit, leaving room for the envelope and keys. */
    public static final long RECORD_LIMIT = 512 * 1024;
    /** An RSA-3072 transport key in base64 plus its version id. */
    private static final long TRANSPORT_KEY_BYTES = 600;

    private final String ownRegion;
    private final TransportKeys keys;

    public DeltaBuilder(String ownRegion, TransportKeys keys) {
        this.ownRegion = ownRegion;
        this.keys = keys;
    }

    public List<ApplyReplicaDelta> build(String secretId, SecretFacts facts, PeerRegion target,
            List<List<EventEnvelope>> groups) {
        return Chunks.of(groups, DeltaBuilder::size, RECORD_LIMIT).stream()
                .map(events -> delta(secretId, facts, target, events))
                .toList();
    }

    private ApplyReplicaDelta delta(String secretId, SecretFacts facts, PeerRegion target, List<EventEnvelope> events) {
        Map<String, byte[]> transport = keys.forEvents(events, target.publicKey());
        return new ApplyReplicaDelta(ownRegion, secretId, facts.kmsKeyIdIn(target.name()),
                facts.forceOverwriteIn(target.name()), events, transport, Map.of());
    }

    static long size(List<EventEnvelope> events) {
        long bytes = 0;
        for (EventEnvelope event : events) {
            bytes += Json.write(event).length;
            if (event.payload() instanceof VersionAdded) {
                bytes += TRANSPORT_KEY_BYTES;
            }
        }
        return bytes;
    }
}
