package io.strongroom.core.command;

import io.strongroom.core.secret.Tag;
import java.util.List;

/**
 * @param newSecretId the incarnation id the gateway assigned (the value is encrypted with it as associated data)
 * @param clientRequestToken the id of the first version when a value is given; may be null otherwise
 * @param value the first version's value, or null for a secret created without one
 */
public record CreateSecret(
        String newSecretId,
        String name,
        String description,
        String kmsKeyId,
        List<Tag> tags,
        String clientRequestToken,
        NewValue value) implements Command {
    public CreateSecret {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
