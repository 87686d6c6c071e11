package io.strongroom.core.command;

import java.util.List;

/** Removes the tags with these keys; a key the secret does not have is ignored. */
public record UntagResource(List<String> tagKeys) implements Command {
    public UntagResource {
        tagKeys = List.copyOf(tagKeys);
    }
}
