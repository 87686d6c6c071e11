package io.strongroom.core.command;

/**
 * Null fields are left as they are. A value makes a new AWSCURRENT version with the token as its id.
 */
public record UpdateSecret(String description, String kmsKeyId, String clientRequestToken, NewValue value)
        implements Command {}
