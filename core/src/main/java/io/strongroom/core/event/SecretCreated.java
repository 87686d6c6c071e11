package io.strongroom.core.event;

import io.strongroom.core.secret.Tag;
import java.util.List;

/** A new incarnation; its id, account and region are in the envelope. */
public record SecretCreated(String name, String description, String kmsKeyId, List<Tag> tags) implements SecretEvent {
    public SecretCreated {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
