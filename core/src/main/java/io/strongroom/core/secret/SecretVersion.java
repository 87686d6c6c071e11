package io.strongroom.core.secret;

import java.time.Instant;
import java.util.List;

/**
 * One version of a secret: its id (the ClientRequestToken that made it), labels and age. Its encrypted
 * value is not part of the state: it stays in the {@code VersionAdded} event, and the projection
 * stores it apart, by version (decisions never need it, and a state holding every version's value
 * made each write re-encode them all).
 */
public record SecretVersion(String versionId, List<String> stages, Instant createdDate) {
    public SecretVersion {
        stages = StagingLabels.shared(stages);
    }

    public boolean has(String stage) {
        return stages.contains(stage);
    }

    public SecretVersion withStages(List<String> newStages) {
        return new SecretVersion(versionId, newStages, createdDate);
    }
}
