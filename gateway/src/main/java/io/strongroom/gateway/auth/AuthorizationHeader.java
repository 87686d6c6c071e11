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
            // indexOf over the header, not split/strip/map: this runs on every request
            int from = space < 0 ? trimmed.length() : space + 1;
            while (from <= trimmed.length()) {
                int comma = trimmed.indexOf(',', from);
                int end = comma < 0 ? trimmed.length() : comma;
                String field = trimmed.substring(from, end).strip();
                from = end + 1;
                if (field.isEmpty()) {
                    continue;
                }
                int equals = field.indexOf('=');
                if (equals < 0) {
                    throw new RejectedException(AwsErrorCode.INCOMPLETE_SIGNATURE, "'" + field
                            + "' not a valid key=value pair (missing equal-sign) in Authorization header.");
                }
                String name = field.substring(0, equals).strip();
                String value = field.substring(equals + 1).strip();
                if (name.equals("Credential")) {
                    credential = value;
                } else if (name.equals("SignedHeaders")) {
                    signedHeaders = value;
                } else if (name.equals("Signature")) {
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

    private static void requirePresent(StringBuilder missing, String name, String value) {
        if (value == null || value.isEmpty()) {
            missing.append("Authorization header requires '").append(name).append("' parameter. ");
        }
    }
}
