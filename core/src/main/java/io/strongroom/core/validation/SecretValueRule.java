package io.strongroom.core.validation;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import java.util.Optional;

/** A request carries at most one of SecretString and SecretBinary; PutSecretValue needs exactly one. */
public final class SecretValueRule {
    static final String BOTH =
            "You can't specify both a binary secret value and a string secret value in the same secret.";
    static final String NEITHER = "You must provide either SecretString or SecretBinary.";

    private SecretValueRule() {}

    public static Optional<Rejection> atMostOne(boolean hasString, boolean hasBinary) {
        if (hasString && hasBinary) {
            return Optional.of(AwsErrorCode.INVALID_PARAMETER.reject(BOTH));
        }
        return Optional.empty();
    }

    public static Optional<Rejection> exactlyOne(boolean hasString, boolean hasBinary) {
        if (!hasString && !hasBinary) {
            return Optional.of(AwsErrorCode.INVALID_REQUEST.reject(NEITHER));
        }
        return atMostOne(hasString, hasBinary);
    }
}
