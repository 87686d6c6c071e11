package io.strongroom.gateway.auth;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.gateway.auth.sigv4.SigV4;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, String> fields = new HashMap<>();
        if (algorithm.equals(SigV4.ALGORITHM)) {
            for (String part : trimmed.substring(space < 0 ? trimmed.length() : space + 1).split(",")) {
                String field = part.strip();
                if (field.isEmpty()) {
                    continue;
                }
                int equals = field.indexOf('=');
                if (equals < 0) {
                    throw new RejectedException(AwsErrorCode.INCOMPLETE_SIGNATURE, "'" + field
                            + "' not a valid key=value pair (missing equal-sign) in Authorization header.");
                }
                fields.put(field.substring(0, equals).strip(), field.substring(equals + 1).strip());
            }
        }
        String requestDate = amzDate != null ? amzDate : date;
        StringBuilder missing = new StringBuilder();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (fields.getOrDefault(name, "").isEmpty()) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (requestDate == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw new RejectedException(AwsErrorCode.INCOMPLETE_SIGNATURE, missing + "Authorization=" + algorithm);
        }
        return new SignatureParts(SignatureParts.Credential.parse(fields.get("Credential")),
                List.of(fields.get("SignedHeaders").split(";")), fields.get("Signature"), requestDate,
                amzDate == null, -1);
    }
}
