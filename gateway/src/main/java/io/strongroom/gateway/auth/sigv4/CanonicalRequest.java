package io.strongroom.gateway.auth.sigv4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The canonical request of SigV4, as both ends compute it:
 * <pre>
 * METHOD \n canonical URI \n canonical query \n canonical headers \n \n signed headers \n payload hash
 * </pre>
 * Pure: the caller hands in the request's parts as they arrived (path and query still
 * percent-encoded; header names in lower case with their values in arrival order).
 */
public final class CanonicalRequest {
    private static final Pattern SPACES = Pattern.compile(" +");

    private CanonicalRequest() {}

    /**
     * @param rawQuery the query string as sent, or null
     * @param excludedParameter a query parameter left out (the presigned form's X-Amz-Signature), or null
     * @param signedHeaders lower-case header names, in the order the signer listed them
     */
    public static String of(String method, String rawPath, String rawQuery, String excludedParameter,
            Map<String, List<String>> headers, List<String> signedHeaders, String payloadHash) {
        StringBuilder out = new StringBuilder(512);
        out.append(method).append('\n')
                .append(UriEncoding.canonicalPath(rawPath)).append('\n')
                .append(query(rawQuery, excludedParameter)).append('\n');
        headers(out, headers, signedHeaders);
        out.append('\n');
        for (int i = 0; i < signedHeaders.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(signedHeaders.get(i));
        }
        return out.append('\n').append(payloadHash).toString();
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
        headers(out, headers, signedHeaders);
        return out.toString();
    }

    private static void headers(StringBuilder out, Map<String, List<String>> headers, List<String> signedHeaders) {
        for (String name : signedHeaders) {
            List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
            out.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(trim(values.get(i)));
            }
            out.append('\n');
        }
    }

    /** Leading and trailing whitespace removed, runs of spaces collapsed to one. */
    static String trim(String value) {
        String stripped = value.strip();
        // on every signed header of every request: no regex unless there is a run of spaces to collapse
        return stripped.contains("  ") ? SPACES.matcher(stripped).replaceAll(" ") : stripped;
    }
}
