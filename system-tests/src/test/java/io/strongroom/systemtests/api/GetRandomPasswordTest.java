package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;

/** GetRandomPassword through the AWS SDK: defaults, every switch, and AWS's refusals. */
@ExtendWith(SharedRegion.class)
class GetRandomPasswordTest {
    private static SecretsManagerClient sm;

    @BeforeAll
    static void client() {
        sm = SharedRegion.newAccount().client(SharedRegion.endpoint());
    }

    @AfterAll
    static void close() {
        sm.close();
    }

    @Test
    void defaultPasswordIsThirtyTwoCharactersWithEveryClassAndNoSpace() {
        String password = sm.getRandomPassword(b -> {}).randomPassword();

        assertThat(password).hasSize(32).doesNotContain(" ")
                .containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]")
                .containsPattern("[^A-Za-z0-9]");
    }

    @Test
    void twoCallsGiveDifferentPasswords() {
        assertThat(sm.getRandomPassword(b -> {}).randomPassword())
                .isNotEqualTo(sm.getRandomPassword(b -> {}).randomPassword());
    }

    @Test
    void switchesAndExcludeCharactersShapeThePassword() {
        String password = sm.getRandomPassword(b -> b.passwordLength(4096L).excludeCharacters("abcXYZ")
                .excludeNumbers(true).excludePunctuation(true)).randomPassword();

        assertThat(password).hasSize(4096).matches("[A-Za-z]+").doesNotContainPattern("[abcXYZ]");
    }

    @Test
    void onlySpacesWhenEverythingElseIsExcluded() {
        String password = sm.getRandomPassword(b -> b.passwordLength(5L).excludeNumbers(true).excludePunctuation(true)
                .excludeUppercase(true).excludeLowercase(true).includeSpace(true)).randomPassword();

        assertThat(password).isEqualTo("     ");
    }

    @Test
    void lengthOutsideOneTo4096IsAValidationError() {
        for (long length : new long[] {0, 4097}) {
            assertThatThrownBy(() -> sm.getRandomPassword(b -> b.passwordLength(length)))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("passwordLength");
                    });
        }
    }

    @Test
    void lengthShorterThanTheRequiredTypesIsRefused() {
        assertThatThrownBy(() -> sm.getRandomPassword(b -> b.passwordLength(3L)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Password length is too short based on the required types.");
    }

    @Test
    void excludingEveryCharacterIsRefused() {
        assertThatThrownBy(() -> sm.getRandomPassword(b -> b.excludeNumbers(true).excludePunctuation(true)
                .excludeUppercase(true).excludeLowercase(true)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("All characters have been excluded from selection.");
    }

    @Test
    void aRequiredTypeWhoseCharactersAreAllExcludedIsRefused() {
        assertThatThrownBy(() -> sm.getRandomPassword(b -> b.excludeCharacters("0123456789")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("All characters of the desired type have been excluded.");
    }
}
