package io.strongroom.core.secret;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a secret incarnation stands. A purge is terminal: the incarnation's id and ARN are never
 * used again, and its name becomes free for a new incarnation.
 */
public enum Lifecycle {
    ACTIVE,
    SCHEDULED_FOR_DELETION,
    PURGED;

    private static final Map<Lifecycle, Set<Lifecycle>> ALLOWED = Map.of(
            ACTIVE, EnumSet.of(SCHEDULED_FOR_DELETION, PURGED),
            SCHEDULED_FOR_DELETION, EnumSet.of(ACTIVE, PURGED),
            PURGED, EnumSet.noneOf(Lifecycle.class));

    public boolean canMoveTo(Lifecycle target) {
        return ALLOWED.get(this).contains(target);
    }
}
