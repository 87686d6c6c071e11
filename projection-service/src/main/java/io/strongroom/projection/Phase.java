package io.strongroom.projection;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a projection instance stands. Only {@link #SERVING} answers reads. {@link #FAILED} and
 * {@link #STOPPED} are terminal for the instance: its store may hold a batch the loop could not
 * finish, so a restart (a new instance over the same directory) resumes from the recorded offsets
 * rather than the failed loop carrying on.
 */
public enum Phase {
    NEW,
    /** Replaying the topics up to the end offsets seen at start-up. */
    CATCHING_UP,
    SERVING,
    FAILED,
    STOPPED;

    private static final Map<Phase, Set<Phase>> ALLOWED = Map.of(
            NEW, EnumSet.of(CATCHING_UP, STOPPED),
            CATCHING_UP, EnumSet.of(SERVING, FAILED, STOPPED),
            SERVING, EnumSet.of(FAILED, STOPPED),
            FAILED, EnumSet.of(STOPPED),
            STOPPED, EnumSet.noneOf(Phase.class));

    public boolean canMoveTo(Phase target) {
        return ALLOWED.get(this).contains(target);
    }
}
