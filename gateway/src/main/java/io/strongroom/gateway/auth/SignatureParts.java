package io.strongroom.gateway.auth;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import java.util.List;

/**
 * What a SigV4 request claims, read from its Authorization header or its presigned query string;
 * nothing of it verified yet. {@link #toString()} leaves the signature out.
 *
 * @param requestDate the request's date as sent (X-Amz-Date, or an HTTP Date header)
 * @param expiresSeconds the presigned form's X-Amz-Expires; -1 for the header form
 */
public record SignatureParts(Credential credential, List<String> signedHeaders, String signature, String requestDate,
        boolean fromDateHeader, long expiresSeconds) {

    /** {@code <access key>/<date>/<region>/<service>/aws4_request}. */
    public record Credential(String accessKeyId, String date, String region, String service, String terminator) {

        /** @throws RejectedException IncompleteSignatureException unless there are exactly five parts */
        static Credential parse(String credential) {
            String[] scope = scopeParts(credential);
            if (scope == null || scope[0].isEmpty()) {
                throw new RejectedException(AwsErrorCode.INCOMPLETE_SIGNATURE, "Credential must have exactly 5 "
                        + "slash-delimited elements, e.g. keyid/date/region/service/term, got '" + credential + "'");
            }
            return new Credential(scope[0], scope[1], scope[2], scope[3], scope[4]);
        }

        /** The five slash-delimited parts, empty ones included; null unless exactly five (indexOf, not split: per request). */
        private static String[] scopeParts(String credential) {
            String[] parts = new String[5];
            int start = 0;
            for (int i = 0; i < 4; i++) {
                int slash = credential.indexOf('/', start);
                if (slash < 0) {
                    return null;
                }
                parts[i] = credential.substring(start, slash);
                start = slash + 1;
            }
            if (credential.indexOf('/', start) >= 0) {
                return null;
            }
            parts[4] = credential.substring(start);
            return parts;
        }
    }

    public boolean presigned() {
        return expiresSeconds >= 0;
    }

    /** The query parameter the canonical request leaves out: the presigned form's own signature; null otherwise. */
    public String excludedQueryParameter() {
        return presigned() ? PresignedQuery.SIGNATURE : null;
    }

    @Override
    public String toString() {
        return "SignatureParts[" + credential + ", signedHeaders=" + signedHeaders + ", date=" + requestDate
                + (presigned() ? ", expires=" + expiresSeconds : "") + "]";
    }
}
