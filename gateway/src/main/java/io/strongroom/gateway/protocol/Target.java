package io.strongroom.gateway.protocol;

import java.util.Optional;

/**
 * The {@code X-Amz-Target} header of the JSON protocols: {@code <targetPrefix>.<Operation>}, here
 * {@code secretsmanager.GetSecretValue}.
 */
public final class Target {
    public static final String PREFIX = "secretsmanager.";

    private Target() {}

    /** The operation name, or empty when the header is missing or names another service. */
    public static Optional<String> operation(String header) {
        if (header == null || !header.startsWith(PREFIX) || header.length() == PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(header.substring(PREFIX.length()));
    }
}
