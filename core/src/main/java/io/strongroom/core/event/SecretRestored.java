package io.strongroom.core.event;

/** The scheduled deletion was cancelled: the secret is active again and its deletion dates are cleared. */
public record SecretRestored() implements SecretEvent {}
