package io.strongroom.core.event;

/** Metadata changed; a null field is unchanged. */
public record SecretUpdated(String description, String kmsKeyId) implements SecretEvent {}
