package io.strongroom.core.validation;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import java.util.Optional;

/**
 * DeleteSecret's parameters: a recovery window of 7 to 30 days, and never both a window and
 * ForceDeleteWithoutRecovery. The API model leaves these to the service, so they are
 * InvalidParameterExceptions, not model ValidationExceptions.
 */
public final class RecoveryWindowRule {
    static final String OUT_OF_RANGE = "The RecoveryWindowInDays value must be between "
            + RequestLimits.RECOVERY_WINDOW_MIN_DAYS + " and " + RequestLimits.RECOVERY_WINDOW_MAX_DAYS
            + " days (inclusive).";
    static final String BOTH = "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.";

    private RecoveryWindowRule() {}

    /**
     * @param recoveryWindowInDays null when absent
     * @param force null when absent
     */
    public static Optional<Rejection> check(Long recoveryWindowInDays, Boolean force) {
        if (recoveryWindowInDays != null && Boolean.TRUE.equals(force)) {
            return Optional.of(AwsErrorCode.INVALID_PARAMETER.reject(BOTH));
        }
        if (recoveryWindowInDays != null && (recoveryWindowInDays < RequestLimits.RECOVERY_WINDOW_MIN_DAYS
                || recoveryWindowInDays > RequestLimits.RECOVERY_WINDOW_MAX_DAYS)) {
            return Optional.of(AwsErrorCode.INVALID_PARAMETER.reject(OUT_OF_RANGE));
        }
        return Optional.empty();
    }
}
