package io.strongroom.gateway.auth.sigv4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical request of SigV4, as both ends compute it:
 * <pre>
 * METHOD \n canonical URI \n canonical query \n canonical headers \n \n signed headers \n payload hash
 * </pre>
 * Pure: the caller hands in the request's parts as they arrived (path and query still
 * percent-encoded; header names in lower case with their values in arrival order).
 */
public final class CanonicalRequest {

    private CanonicalRequest() {}

    /**
     * @param rawQuery the query string as sent, or null
     * @param excludedParameter a query parameter left out (the presigned form's X-Amz-Signature), or null
     * @param signedHeaders lower-case header names, in the order the signer listed them
     */
    public static String of(String method, String rawPath, String rawQuery, String excludedParameter,
            Map<String, List<String>> headers, List<String> signedHeaders, String payloadHash) {
        return method + "\n"
                + UriEncoding.canonicalPath(rawPath) + "\n"
                + query(rawQuery, excludedParameter) + "\n"
                + headers(headers, signedHeaders) + "\n"
                + String.join(";", signedHeaders) + "\n"
                + payloadHash;
    }

    /** Parameters decoded, then encoded the SigV4 way, sorted by name then value. */
    public static String query(String rawQuery, String excludedParameter) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> parameters = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = UriEncoding.decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : UriEncoding.decode(pair.substring(equals + 1));
            if (!name.equals(excludedParameter)) {
                parameters.add(new String[] {UriEncoding.encode(name), UriEncoding.encode(value)});
            }
        }
        parameters.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder out = new StringBuilder();
        for (String[] parameter : parameters) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(parameter[0]).append('=').append(parameter[1]);
        }
        return out.toString();
    }

    /** One {@code name:value\n} line per signed header; several values joined by commas. */
    static String headers(Map<String, List<String>> headers, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
            List<String> trimmed = new ArrayList<>(values.size());
            for (String value : values) {
                trimmed.add(trim(value));
            }
            out.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        return out.toString();
    }

    /** Leading and trailing whitespace removed, runs of spaces collapsed to one. */
    static String trim(String value) {
        return value.strip().replaceAll(" +", " ");
    }
}
