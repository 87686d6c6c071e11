package io.strongroom.core.command;

/**
 * Moves one staging label: off {@code removeFromVersionId} and/or onto {@code moveToVersionId}
 * (either may be null, as in the API).
 */
public record UpdateSecretVersionStage(String versionStage, String removeFromVersionId, String moveToVersionId)
        implements Command {}
