package io.strongroom.core.validation;

import io.strongroom.core.arn.SecretArn;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import java.util.Optional;

/**
 * The characters a secret name may hold: ASCII letters, digits and {@code /_+=.@-}. AWS answers a
 * name (or a SecretId that is not an ARN) outside that set with a ValidationException whose text,
 * oddly, also lists {@code !}; the text is kept verbatim because clients match on it.
 *
 * <p>Lengths are not checked here: {@link Constraints} reports them in AWS's model-constraint form.
 */
public final class SecretNameRule {
    static final String MESSAGE =
            "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!";

    private SecretNameRule() {}

    /** For CreateSecret's Name. */
    public static Optional<Rejection> checkName(String name) {
        if (name == null || name.isEmpty() || allowed(name)) {
            return Optional.empty();
        }
        return Optional.of(AwsErrorCode.VALIDATION.reject(MESSAGE));
    }

    /** Only {@code [A-Za-z0-9/_+=.@-]}: a loop, as every call names a secret (a regex was 3% of a read). */
    private static boolean allowed(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '/' || c == '_' || c == '+' || c == '=' || c == '.' || c == '@' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** For a SecretId: an ARN is left to the locator (it names the secret after {@code secret:}). */
    public static Optional<Rejection> checkSecretId(String secretId) {
        if (secretId != null && SecretArn.looksLikeArn(secretId)) {
            return Optional.empty();
        }
        return checkName(secretId);
    }
}
