package io.strongroom.core.event;

/** The secret's resource policy is now this text (validated when it was put). */
public record ResourcePolicyPut(String resourcePolicy) implements SecretEvent {}
