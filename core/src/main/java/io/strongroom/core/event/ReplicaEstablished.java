package io.strongroom.core.event;

/**
 * In a replica region, right after the replicated SecretCreated: this incarnation is a read-only
 * replica of the secret in {@code primaryRegion}, its data keys wrapped under {@code kmsKeyId}.
 */
public record ReplicaEstablished(String primaryRegion, String kmsKeyId) implements SecretEvent {}
