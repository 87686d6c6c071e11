package io.strongroom.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.error.AwsErrorCode;
import org.junit.jupiter.api.Test;

class SecretValueRuleTest {

    @Test
    void bothValuesAreAnInvalidParameter() {
        assertThat(SecretValueRule.atMostOne(true, true)).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(AwsErrorCode.INVALID_PARAMETER);
            assertThat(r.message()).isEqualTo(SecretValueRule.BOTH);
        });
        assertThat(SecretValueRule.exactlyOne(true, true)).map(r -> r.code()).hasValue(AwsErrorCode.INVALID_PARAMETER);
    }

    @Test
    void noValueIsAllowedWhereAValueIsOptional() {
        assertThat(SecretValueRule.atMostOne(false, false)).isEmpty();
    }

    @Test
    void noValueIsAnInvalidRequestWhereAValueIsRequired() {
        assertThat(SecretValueRule.exactlyOne(false, false)).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(AwsErrorCode.INVALID_REQUEST);
            assertThat(r.message()).isEqualTo("You must provide either SecretString or SecretBinary.");
        });
    }

    @Test
    void oneValueIsAccepted() {
        assertThat(SecretValueRule.exactlyOne(true, false)).isEmpty();
        assertThat(SecretValueRule.exactlyOne(false, true)).isEmpty();
    }
}
