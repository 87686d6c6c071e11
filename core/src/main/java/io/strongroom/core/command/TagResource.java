package io.strongroom.core.command;

import io.strongroom.core.secret.Tag;
import java.util.List;

/** Adds tags; a key the secret already has gets the new value. */
public record TagResource(List<Tag> tags) implements Command {
    public TagResource {
        tags = List.copyOf(tags);
    }
}
