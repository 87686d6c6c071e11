package io.strongroom.core.password;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What GetRandomPassword may draw from: the character classes its switches leave, minus
 * ExcludeCharacters. Built by {@link #of}, which refuses, with AWS's messages, a request no
 * password can satisfy.
 *
 * <p>Edge cases as the service behaves: RequireEachIncludedType defaults to true and covers the four
 * classes (upper, lower, digits, punctuation) that are switched on; a space is admitted by
 * IncludeSpace but never required; a required class emptied by ExcludeCharacters is refused, an
 * optional one is simply absent.
 *
 * @param required one string per class the password must contain a character of
 * @param pool every character the password may contain
 */
public record PasswordRecipe(int length, List<String> required, String pool) {
    public static final int DEFAULT_LENGTH = 32;
    /** The service's punctuation set, from the API reference's ExcludePunctuation. */
    public static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String DIGITS = "0123456789";
    static final String TYPE_EXCLUDED = "All characters of the desired type have been excluded.";
    static final String ALL_EXCLUDED = "All characters have been excluded from selection.";
    static final String TOO_SHORT = "Password length is too short based on the required types.";

    public PasswordRecipe {
        required = List.copyOf(required);
    }

    /** The request's switches, as given (null = absent). */
    public record Options(
            Integer passwordLength,
            String excludeCharacters,
            Boolean excludeNumbers,
            Boolean excludePunctuation,
            Boolean excludeUppercase,
            Boolean excludeLowercase,
            Boolean includeSpace,
            Boolean requireEachIncludedType) {}

    public static RecipeOrRejection of(Options o) {
        String excluded = o.excludeCharacters() == null ? "" : o.excludeCharacters();
        boolean requireEach = o.requireEachIncludedType() == null || o.requireEachIncludedType();
        List<String> classes = new ArrayList<>();
        addUnlessOff(classes, UPPER, o.excludeUppercase());
        addUnlessOff(classes, LOWER, o.excludeLowercase());
        addUnlessOff(classes, DIGITS, o.excludeNumbers());
        addUnlessOff(classes, PUNCTUATION, o.excludePunctuation());
        List<String> required = new ArrayList<>();
        StringBuilder pool = new StringBuilder();
        for (String characters : classes) {
            String left = without(characters, excluded);
            if (requireEach && left.isEmpty()) {
                return refuse(TYPE_EXCLUDED);
            }
            if (requireEach) {
                required.add(left);
            }
            pool.append(left);
        }
        if (Boolean.TRUE.equals(o.includeSpace())) {
            pool.append(without(" ", excluded));
        }
        if (pool.length() == 0) {
            return refuse(ALL_EXCLUDED);
        }
        int length = o.passwordLength() == null ? DEFAULT_LENGTH : o.passwordLength();
        if (required.size() > length) {
            return refuse(TOO_SHORT);
        }
        return new RecipeOrRejection(Optional.of(new PasswordRecipe(length, required, pool.toString())), Optional.empty());
    }

    /** Exactly one of the two is present. */
    public record RecipeOrRejection(Optional<PasswordRecipe> recipe, Optional<Rejection> rejection) {}

    private static RecipeOrRejection refuse(String message) {
        return new RecipeOrRejection(Optional.empty(), Optional.of(AwsErrorCode.INVALID_PARAMETER.reject(message)));
    }

    private static void addUnlessOff(List<String> classes, String characters, Boolean off) {
        if (!Boolean.TRUE.equals(off)) {
            classes.add(characters);
        }
    }

    private static String without(String characters, String excluded) {
        StringBuilder kept = new StringBuilder();
        characters.chars().filter(c -> excluded.indexOf(c) < 0).forEach(c -> kept.append((char) c));
        return kept.toString();
    }
}
