package io.strongroom.core.replication;

import com.fasterxml.jackson.annotation.JsonValue;

/** A replica's Status in ReplicationStatus, with AWS's wire spelling. */
public enum ReplicationState {
    IN_PROGRESS("InProgress"),
    IN_SYNC("InSync"),
    FAILED("Failed");

    private final String wire;

    ReplicationState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
