package io.strongroom.core.command;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * A command as it travels on {@code strongroom.commands}.
 *
 * @param secretId the SecretId exactly as the client gave it (name, partial or full ARN); resolved by
 *     command-service against its own state
 * @param expectedSecretId the incarnation the gateway encrypted for (it is part of the associated data);
 *     null when the command carries no value bound to an existing secret
 * @param deadline after this instant the command is rejected with no effect: the client has given up
 */
public record CommandEnvelope(
        String commandId,
        String account,
        String principal,
        Instant deadline,
        String secretId,
        String expectedSecretId,
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type")
        Command payload) {}
