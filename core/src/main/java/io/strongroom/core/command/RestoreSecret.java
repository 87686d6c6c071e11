package io.strongroom.core.command;

/** Cancels a scheduled deletion; on a secret that is not scheduled it changes nothing and succeeds, as AWS does. */
public record RestoreSecret() implements Command {}
