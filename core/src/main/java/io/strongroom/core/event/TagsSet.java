package io.strongroom.core.event;

import io.strongroom.core.secret.Tag;
import java.util.List;

/** These tags are set: a key the secret has gets the new value (in place), a new key is appended. */
public record TagsSet(List<Tag> tags) implements SecretEvent {
    public TagsSet {
        tags = List.copyOf(tags);
    }
}
