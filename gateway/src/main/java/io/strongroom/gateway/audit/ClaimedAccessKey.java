package io.strongroom.gateway.audit;

import io.vertx.core.http.HttpServerRequest;

/**
 * The access key id a request claims, from the SigV4 {@code Credential=} of its Authorization
 * header or its presigned {@code X-Amz-Credential} parameter: what the trail records for a call
 * whose authentication failed. An access key id is not a secret; the signature is never read.
 */
final class ClaimedAccessKey {
    private ClaimedAccessKey() {}

    static String of(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null) {
            int at = header.indexOf("Credential=");
            if (at >= 0) {
                return beforeSlash(header.substring(at + "Credential=".length()));
            }
        }
        String presigned = request.getParam("X-Amz-Credential");
        return presigned == null ? null : beforeSlash(presigned);
    }

    private static String beforeSlash(String credential) {
        int end = 0;
        while (end < credential.length() && "/, ".indexOf(credential.charAt(end)) < 0) {
            end++;
        }
        return end == 0 ? null : credential.substring(0, end);
    }
}
