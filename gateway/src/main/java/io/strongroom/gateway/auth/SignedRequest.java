package io.strongroom.gateway.auth;

import java.util.List;
import java.util.Map;

/**
 * What an {@link Authenticator} may look at: everything SigV4 signs.
 *
 * @param headers header names in lower case, each with its values in arrival order
 * @param body the raw request body (SigV4 hashes it)
 */
public record SignedRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
