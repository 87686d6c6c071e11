package io.strongroom.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.error.AwsErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNameRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"db-password", "Valid/_+=.@-Name", "a", "prod/app/api-key-a1b2c3"})
    void namesOfLettersDigitsAndTheSevenSymbolsAreAccepted(String name) {
        assertThat(SecretNameRule.checkName(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Inv Name", " Inv*Name? ", "a!b", "naïve", "a#b"})
    void otherCharactersAreAValidationException(String name) {
        assertThat(SecretNameRule.checkName(name)).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(AwsErrorCode.VALIDATION);
            assertThat(r.message()).isEqualTo(SecretNameRule.MESSAGE);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", "arn:anything at all"})
    void aSecretIdThatIsAnArnIsLeftToTheLocator(String secretId) {
        assertThat(SecretNameRule.checkSecretId(secretId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad name", "x?"})
    void aSecretIdThatIsANameFollowsTheNameRule(String secretId) {
        assertThat(SecretNameRule.checkSecretId(secretId)).isPresent();
    }
}
