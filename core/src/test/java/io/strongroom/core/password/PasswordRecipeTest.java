package io.strongroom.core.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import java.security.SecureRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PasswordRecipeTest {
    private final PasswordGenerator generator = new PasswordGenerator(new SecureRandom());

    private static PasswordRecipe.Options options(Integer length, String exclude, Boolean noDigits, Boolean noPunct,
            Boolean noUpper, Boolean noLower, Boolean space, Boolean requireEach) {
        return new PasswordRecipe.Options(length, exclude, noDigits, noPunct, noUpper, noLower, space, requireEach);
    }

    private static PasswordRecipe recipe(PasswordRecipe.Options options) {
        return PasswordRecipe.of(options).recipe().orElseThrow();
    }

    private static Rejection refusal(PasswordRecipe.Options options) {
        return PasswordRecipe.of(options).rejection().orElseThrow();
    }

    @Test
    void defaultsAreThirtyTwoCharactersOfEveryClassWithoutSpace() {
        PasswordRecipe recipe = recipe(options(null, null, null, null, null, null, null, null));

        assertThat(recipe.length()).isEqualTo(32);
        assertThat(recipe.required()).hasSize(4);
        assertThat(recipe.pool()).hasSize(26 + 26 + 10 + 32).doesNotContain(" ");
    }

    @RepeatedTest(20)
    void requireEachIncludedTypePutsOneOfEachClassEvenInTheShortestPassword() {
        String password = generator.generate(recipe(options(4, null, null, null, null, null, null, null)));

        assertThat(password).hasSize(4)
                .containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]")
                .containsPattern("[^A-Za-z0-9]");
    }

    @RepeatedTest(10)
    void excludedCharactersAndClassesNeverAppearAndTheLengthIsExact() {
        String password = generator.generate(recipe(options(200, "aeiouAEIOU0", true, true, null, null, null, null)));

        assertThat(password).hasSize(200).doesNotContainPattern("[aeiouAEIOU0-9]")
                .matches("[A-Za-z]+");
    }

    @Test
    void includeSpaceAdmitsTheSpaceButDoesNotRequireIt() {
        PasswordRecipe recipe = recipe(options(1, null, true, true, true, true, true, null));

        assertThat(recipe.pool()).isEqualTo(" ");
        assertThat(recipe.required()).isEmpty();
        assertThat(generator.generate(recipe)).isEqualTo(" ");
    }

    @Test
    void withoutRequireEachIncludedTypeNoClassIsRequired() {
        PasswordRecipe recipe = recipe(options(1, "0123456789", null, null, null, null, null, false));

        assertThat(recipe.required()).isEmpty();
        assertThat(recipe.pool()).doesNotContainPattern("[0-9]");
    }

    @Test
    void aRequiredClassEmptiedByExcludeCharactersIsRefused() {
        Rejection refused = refusal(options(null, "0123456789", null, null, null, null, null, null));

        assertThat(refused.code()).isEqualTo(AwsErrorCode.INVALID_PARAMETER);
        assertThat(refused.message()).isEqualTo(PasswordRecipe.TYPE_EXCLUDED);
    }

    @Test
    void excludingEveryClassIsRefused() {
        Rejection refused = refusal(options(null, null, true, true, true, true, null, null));

        assertThat(refused.code()).isEqualTo(AwsErrorCode.INVALID_PARAMETER);
        assertThat(refused.message()).isEqualTo(PasswordRecipe.ALL_EXCLUDED);
    }

    @Test
    void aLengthBelowTheNumberOfRequiredClassesIsRefused() {
        Rejection refused = refusal(options(3, null, null, null, null, null, null, null));

        assertThat(refused.code()).isEqualTo(AwsErrorCode.INVALID_PARAMETER);
        assertThat(refused.message()).isEqualTo(PasswordRecipe.TOO_SHORT);
        assertThat(PasswordRecipe.of(options(2, null, true, true, null, null, null, null)).recipe()).isPresent();
    }

    @Test
    void everyPoolCharacterIsDrawnOverManyPasswords() {
        String password = generator.generate(recipe(options(4096, null, null, null, null, null, null, null)));

        assertThat(password.chars().distinct().count()).isEqualTo(26 + 26 + 10 + 32);
    }
}
