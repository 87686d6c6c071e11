package io.strongroom.core.command;

/**
 * The deletion scheduler's command: purge a secret whose recovery window has ended. Addressed by
 * incarnation ({@code expectedSecretId}), never by name. Accepted only if the secret is still
 * scheduled for deletion and its deletion date has come, so a duplicated or late command (the
 * secret was restored meanwhile, or purged already) is rejected with no effect.
 */
public record PurgeSecret() implements Command {
    /** The secret is not (or no longer) scheduled for deletion: the scheduler forgets it. */
    public static final String NOT_SCHEDULED = "The secret is not scheduled for deletion.";
    /** The recovery window has not ended yet (the scheduler's clock ran ahead): it retries later. */
    public static final String NOT_DUE = "The secret's recovery window has not ended yet.";
}
