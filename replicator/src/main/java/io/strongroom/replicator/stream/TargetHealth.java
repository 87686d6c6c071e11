package io.strongroom.replicator.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a target looks from its stream, logged once per change (never per record): CONNECTED when its
 * cluster answers, CAUGHT_UP when nothing waits and the own log is read to its end, UNREACHABLE when
 * a connection, send or acknowledgement failed.
 */
public final class TargetHealth {
    private static final Logger LOG = LoggerFactory.getLogger(TargetHealth.class);

    public enum State {
        STARTING,
        CONNECTED,
        CAUGHT_UP,
        UNREACHABLE
    }

    private final String ownRegion;
    private final String target;
    private volatile State state = State.STARTING;

    public TargetHealth(String ownRegion, String target) {
        this.ownRegion = ownRegion;
        this.target = target;
    }

    public State state() {
        return state;
    }

    public void connected() {
        move(State.CONNECTED, null);
    }

    public void caughtUp() {
        move(State.CAUGHT_UP, null);
    }

    public void unreachable(String reason) {
        move(State.UNREACHABLE, reason);
    }

    private void move(State next, String reason) {
        if (state == next) {
            return;
        }
        state = next;
        switch (next) {
            case CONNECTED -> LOG.info("replication {} -> {}: connected", ownRegion, target);
            case CAUGHT_UP -> LOG.info("replication {} -> {}: caught up", ownRegion, target);
            case UNREACHABLE -> LOG.info("replication {} -> {}: region unreachable ({}); retrying", ownRegion,
                    target, reason);
            default -> { }
        }
    }
}
