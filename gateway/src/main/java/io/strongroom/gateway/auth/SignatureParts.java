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
            String[] scope = credential.split("/", -1);
            if (scope.length != 5 || scope[0].isEmpty()) {
                throw new RejectedException(AwsErrorCode.INCOMPLETE_SIGNATURE, "Credential must have exactly 5 "
                        + "slash-delimited elements, e.g. keyid/date/region/service/term, got '" + credential + "'");
            }
            return new Credential(scope[0], scope[1], scope[2], scope[3], scope[4]);
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
