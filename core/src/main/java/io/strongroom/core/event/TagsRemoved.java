package io.strongroom.core.event;

import java.util.List;

/** The tags with these keys are gone. */
public record TagsRemoved(List<String> tagKeys) implements SecretEvent {
    public TagsRemoved {
        tagKeys = List.copyOf(tagKeys);
    }
}
