package io.strongroom.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.error.AwsErrorCode;
import org.junit.jupiter.api.Test;

class RecoveryWindowRuleTest {

    @Test
    void sevenToThirtyDaysAreAccepted() {
        assertThat(RecoveryWindowRule.check(7L, null)).isEmpty();
        assertThat(RecoveryWindowRule.check(30L, false)).isEmpty();
        assertThat(RecoveryWindowRule.check(null, true)).isEmpty();
        assertThat(RecoveryWindowRule.check(null, null)).isEmpty();
    }

    @Test
    void aWindowOutsideSevenToThirtyDaysIsAnInvalidParameter() {
        assertThat(RecoveryWindowRule.check(6L, null)).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(AwsErrorCode.INVALID_PARAMETER);
            assertThat(r.message()).isEqualTo("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        });
        assertThat(RecoveryWindowRule.check(31L, false)).isPresent();
    }

    @Test
    void aWindowWithForceDeleteIsAnInvalidParameter() {
        assertThat(RecoveryWindowRule.check(7L, true)).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(AwsErrorCode.INVALID_PARAMETER);
            assertThat(r.message())
                    .isEqualTo("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        });
    }
}
