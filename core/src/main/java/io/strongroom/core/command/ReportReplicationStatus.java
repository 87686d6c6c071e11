package io.strongroom.core.command;

import io.strongroom.core.replication.ReplicationState;

/**
 * Sent by the replicator to the primary's region: what a replica region acknowledged (or why it
 * could not). Carries the sequence it describes, so a late report never overwrites a newer one.
 */
public record ReportReplicationStatus(String region, long seq, ReplicationState status, String statusMessage)
        implements Command {}
