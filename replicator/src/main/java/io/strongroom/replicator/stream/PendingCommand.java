package io.strongroom.replicator.stream;

import java.time.Instant;

/**
 * A command sent to a target and not yet answered, with what its answer needs: the own-log record it
 * belongs to (whose position waits for it), the secret it is about, and for a live delta the primary's
 * outcome time (the lag is measured from it).
 *
 * @param kind what was sent
 * @param firstSeq the lowest sequence number the command carries (0 if it carries none)
 * @param lastSeq the highest sequence number the command carries (0 if it carries none)
 * @param writtenAt the primary's outcome timestamp for a live delta; null for replays and the rest
 * @param sendNo increases with every send of the stream: orders a command against a replay
 */
public record PendingCommand(
        String commandId,
        Kind kind,
        int partition,
        long offset,
        String routingKey,
        String account,
        String secretId,
        String name,
        long firstSeq,
        long lastSeq,
        Instant writtenAt,
        long sendNo) {

    /** The sequence the target must hold for this command to apply: what a failure report describes. */
    public long baseSeq() {
        return Math.max(0, firstSeq - 1);
    }

    public enum Kind {
        DELTA,
        REPLAY,
        OVERWRITE,
        REMOVE,
        FORGET
    }
}
