package io.strongroom.core.aggregate;

import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.SecretEvent;

/**
 * One event a replica region applies: one of its primary's (whose sequence number, timestamp and
 * principal it keeps, so the replica's {@code seq} is the primary's) or its own bookkeeping
 * ({@code primary == null}: stamped like any local event).
 *
 * @param payload the event as the replica applies it (the primary's KmsKeyId is not the replica's: see
 *     {@link ReplicaRules})
 */
public record ReplicaEvent(SecretEvent payload, EventEnvelope primary) {
    static ReplicaEvent own(SecretEvent payload) {
        return new ReplicaEvent(payload, null);
    }

    boolean isPrimarys() {
        return primary != null;
    }
}
