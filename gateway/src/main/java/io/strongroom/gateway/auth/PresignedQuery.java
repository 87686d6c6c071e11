package io.strongroom.gateway.auth;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.gateway.auth.sigv4.SigV4;
import io.strongroom.gateway.auth.sigv4.UriEncoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the presigned form of SigV4: the X-Amz-* parameters of the query string. */
public final class PresignedQuery {
    static final String ALGORITHM = "X-Amz-Algorithm";
    static final String CREDENTIAL = "X-Amz-Credential";
    static final String DATE = "X-Amz-Date";
    static final String SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String SIGNATURE = "X-Amz-Signature";
    static final String EXPIRES = "X-Amz-Expires";
    /** AWS's ceiling for X-Amz-Expires: seven days. */
    static final long MAX_EXPIRES_SECONDS = 604_800;

    private PresignedQuery() {}

    /** The query's parameters, decoded; the first value of a repeated name wins. */
    public static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = UriEncoding.decode(equals < 0 ? pair : pair.substring(0, equals));
            parameters.putIfAbsent(name, equals < 0 ? "" : UriEncoding.decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    /** True when the query carries any part of a presigned signature. */
    public static boolean present(Map<String, String> parameters) {
        return parameters.containsKey(ALGORITHM) || parameters.containsKey(CREDENTIAL)
                || parameters.containsKey(SIGNATURE);
    }

    public static SignatureParts parse(Map<String, String> parameters) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(ALGORITHM, CREDENTIAL, SIGNATURE, DATE, SIGNED_HEADERS, EXPIRES)) {
            if (parameters.getOrDefault(name, "").isEmpty()) {
                missing.add("'" + name + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw incomplete("AWS query-string parameters must include " + String.join(", ", missing)
                    + ". Re-examine the query-string parameters.");
        }
        if (!parameters.get(ALGORITHM).equals(SigV4.ALGORITHM)) {
            throw incomplete("X-Amz-Algorithm only supports \"" + SigV4.ALGORITHM + "\".");
        }
        long expires;
        try {
            expires = Long.parseLong(parameters.get(EXPIRES));
        } catch (NumberFormatException e) {
            throw incomplete("X-Amz-Expires should be a number.");
        }
        if (expires < 0) {
            throw incomplete("X-Amz-Expires must be non-negative.");
        }
        if (expires > MAX_EXPIRES_SECONDS) {
            throw incomplete("X-Amz-Expires must be less than a week (in seconds) that is " + MAX_EXPIRES_SECONDS + ".");
        }
        return new SignatureParts(SignatureParts.Credential.parse(parameters.get(CREDENTIAL)),
                List.of(parameters.get(SIGNED_HEADERS).split(";")), parameters.get(SIGNATURE), parameters.get(DATE),
                false, expires);
    }

    private static RejectedException incomplete(String message) {
        return new RejectedException(AwsErrorCode.INCOMPLETE_SIGNATURE, message);
    }
}
