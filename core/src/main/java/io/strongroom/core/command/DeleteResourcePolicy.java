package io.strongroom.core.command;

/** Removes the secret's resource policy; a secret without one is left as it is. */
public record DeleteResourcePolicy() implements Command {}
