package io.strongroom.core.aggregate;

import io.strongroom.core.command.TagResource;
import io.strongroom.core.command.UntagResource;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.TagsRemoved;
import io.strongroom.core.event.TagsSet;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.Tag;
import io.strongroom.core.validation.RequestLimits;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TagResource and UntagResource against the secret's tags. The request's shape (lengths, characters,
 * the reserved {@code aws:} prefix) was checked at the gateway; what depends on state is here: at most
 * {@value RequestLimits#TAGS_MAX} tags once the new ones are merged (a key the secret already has
 * only changes its value), and removing only keys the secret has (removing an absent key is a no-op).
 */
final class TagRules {
    static final String TOO_MANY_TAGS =
            "The request failed because it would exceed the maximum number of tags (" + RequestLimits.TAGS_MAX
                    + ") for a secret.";

    private TagRules() {}

    static Decision tag(TagResource command, SecretState state) {
        Set<String> keys = new LinkedHashSet<>();
        state.tags().forEach(tag -> keys.add(tag.key()));
        command.tags().forEach(tag -> keys.add(tag.key()));
        if (keys.size() > RequestLimits.TAGS_MAX) {
            return new Decision.Reject(AwsErrorCode.INVALID_REQUEST.reject(TOO_MANY_TAGS));
        }
        if (command.tags().isEmpty()) {
            return new Decision.Accept(List.of(), List.of());
        }
        return new Decision.Accept(List.of(new TagsSet(command.tags())), List.of());
    }

    /** The tags after setting {@code set}: a key already present keeps its place and takes the new value. */
    static List<Tag> merge(List<Tag> current, List<Tag> set) {
        Map<String, String> merged = new LinkedHashMap<>();
        current.forEach(tag -> merged.put(tag.key(), tag.value()));
        set.forEach(tag -> merged.put(tag.key(), tag.value()));
        return merged.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();
    }

    static Decision untag(UntagResource command, SecretState state) {
        List<String> present = command.tagKeys().stream()
                .distinct()
                .filter(key -> state.tags().stream().map(Tag::key).anyMatch(key::equals))
                .toList();
        if (present.isEmpty()) {
            return new Decision.Accept(List.of(), List.of());
        }
        return new Decision.Accept(List.of(new TagsRemoved(present)), List.of());
    }
}
