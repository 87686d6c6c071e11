package io.strongroom.core.command;

import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.secret.Tag;
import java.util.List;

/**
 * @param newSecretId the incarnation id the gateway assigned (the value is encrypted with it as associated data)
 * @param clientRequestToken the id of the first version when a value is given; may be null otherwise
 * @param value the first version's value, or null for a secret created without one
 * @param addReplicaRegions regions to replicate the new secret to (empty for none)
 */
public record CreateSecret(
        String newSecretId,
        String name,
        String description,
        String kmsKeyId,
        List<Tag> tags,
        String clientRequestToken,
        NewValue value,
        List<ReplicaRegion> addReplicaRegions,
        boolean forceOverwriteReplicaSecret) implements Command {
    public CreateSecret {
        tags = tags == null ? List.of() : List.copyOf(tags);
        addReplicaRegions = addReplicaRegions == null ? List.of() : List.copyOf(addReplicaRegions);
    }

    /** A secret that replicates nowhere. */
    public CreateSecret(String newSecretId, String name, String description, String kmsKeyId, List<Tag> tags,
            String clientRequestToken, NewValue value) {
        this(newSecretId, name, description, kmsKeyId, tags, clientRequestToken, value, List.of(), false);
    }
}
