package io.strongroom.scheduler.index;

import java.time.Instant;

/**
 * A secret waiting for the end of its recovery window.
 *
 * @param stem the routing stem its events are keyed by: a purge command goes to the same partition
 */
public record ScheduledDeletion(String secretId, String account, String stem, Instant deletionDate) {
    public boolean isDue(Instant now) {
        return !now.isBefore(deletionDate);
    }
}
