package io.strongroom.core.validation;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import io.strongroom.core.secret.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a tag may hold beyond its lengths (which {@link Constraints} reports): letters, numbers and
 * spaces representable in UTF-8 and {@code + - = . _ : / @}; and no key or value starting with
 * {@code aws:} in any case, a prefix AWS reserves for itself. Both are InvalidParameterExceptions.
 */
public final class TagRule {
    static final String RESERVED_PREFIX =
            "Tag keys and values can't start with aws: in any combination of cases, it is reserved for AWS use.";
    static final String CHARACTERS = "Tag keys and values can contain only letters, numbers, spaces, and the "
            + "following characters: + - = . _ : / @";
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private TagRule() {}

    /** For TagResource's and CreateSecret's Tags; a null list or member is left to the constraints. */
    public static Optional<Rejection> checkTags(List<Tag> tags) {
        if (tags == null) {
            return Optional.empty();
        }
        for (Tag tag : tags) {
            Optional<Rejection> rejection = check(tag.key()).or(() -> check(tag.value()));
            if (rejection.isPresent()) {
                return rejection;
            }
        }
        return Optional.empty();
    }

    /** For UntagResource's TagKeys. */
    public static Optional<Rejection> checkKeys(List<String> keys) {
        if (keys == null) {
            return Optional.empty();
        }
        return keys.stream().map(TagRule::check).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Rejection> check(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            return Optional.of(AwsErrorCode.INVALID_PARAMETER.reject(RESERVED_PREFIX));
        }
        if (!ALLOWED.matcher(text).matches()) {
            return Optional.of(AwsErrorCode.INVALID_PARAMETER.reject(CHARACTERS));
        }
        return Optional.empty();
    }
}
