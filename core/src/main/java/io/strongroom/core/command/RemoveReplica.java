package io.strongroom.core.command;

/**
 * Sent by the replicator to a region removed from a secret's replication: purges the replica there
 * (shredding that region's keys) if the secret holding the name is still a replica of this primary.
 */
public record RemoveReplica(String primaryRegion, String secretId) implements Command {}
