package io.strongroom.core.command;

/** Called in a replica's region: promotes the replica to a standalone secret of that region. */
public record StopReplicationToReplica() implements Command {}
