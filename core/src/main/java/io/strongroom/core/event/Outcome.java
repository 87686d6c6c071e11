package io.strongroom.core.event;

import io.strongroom.core.error.Rejection;
import java.time.Instant;
import java.util.List;

/**
 * What became of one command: the value of one record on {@code strongroom.events}. All of a
 * command's events travel in one record, so a reader applies a command entirely or not at all.
 *
 * @param secretId the incarnation the command resolved to; null if it resolved to none
 * @param existingVersionId for {@link Status#UNCHANGED}: the version the ClientRequestToken already names
 */
public record Outcome(
        String commandId,
        String account,
        Instant timestamp,
        String secretId,
        Status status,
        Rejection rejection,
        String existingVersionId,
        List<EventEnvelope> events) {

    public Outcome {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public enum Status {
        /** The events changed the secret. */
        APPLIED,
        /** Refused; nothing changed. */
        REJECTED,
        /** An idempotent repeat: nothing changed, the earlier result stands. */
        UNCHANGED
    }
}
