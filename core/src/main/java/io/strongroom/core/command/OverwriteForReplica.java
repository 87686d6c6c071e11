package io.strongroom.core.command;

/**
 * ForceOverwriteReplicaSecret's first step in the replica region: purges the standalone secret that
 * holds the name (a secret that is not a replica of this primary), so the replica can be created.
 */
public record OverwriteForReplica(String primaryRegion, String secretId) implements Command {}
