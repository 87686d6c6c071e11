package io.strongroom.core.command;

/**
 * Sent to the primary's region when a replica was promoted (StopReplicationToReplica in its region):
 * the primary drops that region from its replication.
 */
public record ForgetReplica(String region) implements Command {}
