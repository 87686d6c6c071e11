package io.strongroom.core.event;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * One event with the facts every event carries.
 *
 * @param v the payload's schema version, for upcasting old records
 * @param seq the per-secret sequence number (1 for SecretCreated), used by replication
 */
public record EventEnvelope(
        int v,
        String eventId,
        String commandId,
        String secretId,
        String account,
        long seq,
        String region,
        String principal,
        Instant timestamp,
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type")
        SecretEvent payload) {
    public static final int CURRENT_VERSION = 1;
}
