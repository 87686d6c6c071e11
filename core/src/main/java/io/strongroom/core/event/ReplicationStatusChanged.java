package io.strongroom.core.event;

import io.strongroom.core.replication.ReplicationState;

/** A replica region's acknowledged sequence or status changed (the primary's bookkeeping; not replicated). */
public record ReplicationStatusChanged(String region, ReplicationState status, String statusMessage, long ackedSeq)
        implements SecretEvent {}
