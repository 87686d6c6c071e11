package io.strongroom.core.event;

/** StopReplicationToReplica: the replica is now a standalone secret of its region and ignores its former primary. */
public record ReplicaPromoted(String formerPrimaryRegion) implements SecretEvent {}
