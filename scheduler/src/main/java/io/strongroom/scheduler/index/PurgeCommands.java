package io.strongroom.scheduler.index;

import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.PurgeSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The purge commands a scheduler sends. The command id names the secret
 * ({@code purge:<secretId>:<instance>:<uuid>}), so any scheduler instance reading a rejected outcome
 * knows which secret it was about, even one that did not send it.
 */
public final class PurgeCommands {
    public static final String PRINCIPAL = "strongroom:scheduler";
    static final String PREFIX = "purge:";

    private PurgeCommands() {}

    /** A purge addressed by incarnation (SecretId and expected incarnation are both the secret's id). */
    public static CommandEnvelope purge(ScheduledDeletion deletion, String instanceId, Instant now, Duration deadline) {
        String commandId = PREFIX + deletion.secretId() + ":" + instanceId + ":" + UUID.randomUUID();
        return new CommandEnvelope(commandId, deletion.account(), PRINCIPAL, now.plus(deadline),
                deletion.secretId(), deletion.secretId(), new PurgeSecret());
    }

    /** The secret a purge command was about; empty for any other command. */
    public static Optional<String> secretIdOf(String commandId) {
        if (commandId == null || !commandId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int end = commandId.indexOf(':', PREFIX.length());
        return end < 0 ? Optional.empty() : Optional.of(commandId.substring(PREFIX.length(), end));
    }

    /** The instance that sent a purge command (for logs and tests); empty for any other command. */
    public static Optional<String> instanceOf(String commandId) {
        return secretIdOf(commandId).map(secretId -> {
            String rest = commandId.substring(PREFIX.length() + secretId.length() + 1);
            return rest.substring(0, rest.lastIndexOf(':'));
        });
    }
}
