package io.strongroom.core.event;

import java.util.List;

/**
 * Deprecated versions (no staging label, older than a day) dropped to keep a secret within its
 * version quota; their data keys are shredded in the same transaction.
 */
public record VersionsRemoved(List<String> versionIds) implements SecretEvent {
    public VersionsRemoved {
        versionIds = List.copyOf(versionIds);
    }
}
