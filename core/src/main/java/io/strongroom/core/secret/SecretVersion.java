package io.strongroom.core.secret;

import java.time.Instant;
import java.util.List;

/** One version of a secret: its id (the ClientRequestToken that made it), labels, age and encrypted value. */
public record SecretVersion(String versionId, List<String> stages, Instant createdDate, EncryptedValue value) {
    public SecretVersion {
        stages = List.copyOf(stages);
    }

    public boolean has(String stage) {
        return stages.contains(stage);
    }

    public SecretVersion withStages(List<String> newStages) {
        return new SecretVersion(versionId, newStages, createdDate, value);
    }
}
