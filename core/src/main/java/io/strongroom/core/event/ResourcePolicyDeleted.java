package io.strongroom.core.event;

/** The secret no longer has a resource policy. */
public record ResourcePolicyDeleted() implements SecretEvent {}
