package io.strongroom.core.command;

/**
 * Attaches a resource policy (replacing any). The policy must parse as a resource policy; with
 * {@code blockPublicPolicy} it must not grant broad access.
 */
public record PutResourcePolicy(String resourcePolicy, boolean blockPublicPolicy) implements Command {}
