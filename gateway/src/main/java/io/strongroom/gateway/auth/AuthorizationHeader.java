package io.strongroom.gateway.auth;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.gateway.auth.sigv4.SigV4;
import java.util.List;

/**
 * Reads the SigV4 Authorization header:
 * {@code AWS4-HMAC-SHA256 Credential=<AKID>/<date>/<region>/<service>/aws4_request, SignedHeaders=a;b, Signature=<hex>}.
 * Errors are AWS's IncompleteSignatureException texts, with the header echoed only up to its
 * algorithm so that no signature reaches a message.
 */
public final class AuthorizationHeader {

    private AuthorizationHeader() {}

    /** @param amzDate the X-Amz-Date header, else null; @param date the Date header, else null */
    public static SignatureParts parse(String header, String amzDate, String date) {
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        String algorithm = space < 0 ? trimmed : trimmed.substring(0, space);
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        if (algorithm.equals(SigV4.ALGORITHM)) {
            // indices over the header, substrings only for the values: this runs on every request
            int from = space < 0 ? trimmed.length() : space + 1;
            while (from <= trimmed.length()) {
                int comma = trimmed.indexOf(',', from);
                int end = comma < 0 ? trimmed.length() : comma;
                int start = skipSpace(trimmed, from, end);
                int stop = backOverSpace(trimmed, start, end);
                from = end + 1;
                if (start == stop) {
                    continue;
                }
                int equals = trimmed.indexOf('=', start);
                if (equals < 0 || equals >= stop) {
                    throw new RejectedException(AwsErrorCode.INCOMPLETE_SIGNATURE, "'" + trimmed.substring(start, stop)
                            + "' not a valid key=value pair (missing equal-sign) in Authorization header.");
                }
                int nameEnd = backOverSpace(trimmed, start, equals);
                String value = trimmed.substring(skipSpace(trimmed, equals + 1, stop), stop);
                if (named(trimmed, start, nameEnd, "Credential")) {
                    credential = value;
                } else if (named(trimmed, start, nameEnd, "SignedHeaders")) {
                    signedHeaders = value;
                } else if (named(trimmed, start, nameEnd, "Signature")) {
                    signature = value;
                }
            }
        }
        String requestDate = amzDate != null ? amzDate : date;
        StringBuilder missing = new StringBuilder();
        requirePresent(missing, "Credential", credential);
        requirePresent(missing, "Signature", signature);
        requirePresent(missing, "SignedHeaders", signedHeaders);
        if (requestDate == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw new RejectedException(AwsErrorCode.INCOMPLETE_SIGNATURE, missing + "Authorization=" + algorithm);
        }
        return new SignatureParts(SignatureParts.Credential.parse(credential),
                List.of(signedHeaders.split(";")), signature, requestDate, amzDate == null, -1);
    }

    private static boolean named(String text, int start, int end, String name) {
        return end - start == name.length() && text.startsWith(name, start);
    }

    /** The first index in [from, to) that is not whitespace, else {@code to}. */
    private static int skipSpace(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    /** The end of [from, to) with trailing whitespace left out. */
    private static int backOverSpace(String text, int from, int to) {
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    private static void requirePresent(StringBuilder missing, String name, String value) {
        if (value == null || value.isEmpty()) {
            missing.append("Authorization header requires '").append(name).append("' parameter. ");
        }
    }
}
