package io.strongroom.gateway.auth;

import java.util.Optional;

/**
 * Reads the credential scope of a SigV4 Authorization header:
 * {@code AWS4-HMAC-SHA256 Credential=<AKID>/<date>/<region>/<service>/aws4_request, SignedHeaders=..., Signature=...}.
 * The signature itself is not read (nor ever logged).
 */
public final class AuthorizationHeader {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** The parts of {@code Credential=}. */
    public record Credential(String accessKeyId, String date, String region, String service) {}

    private AuthorizationHeader() {}

    public static Optional<Credential> credential(String header) {
        if (header == null || !header.startsWith(ALGORITHM + " ")) {
            return Optional.empty();
        }
        for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
            String field = part.trim();
            if (field.startsWith("Credential=")) {
                String[] scope = field.substring("Credential=".length()).split("/");
                if (scope.length != 5 || scope[0].isEmpty() || !scope[4].equals("aws4_request")) {
                    return Optional.empty();
                }
                return Optional.of(new Credential(scope[0], scope[1], scope[2], scope[3]));
            }
        }
        return Optional.empty();
    }
}
