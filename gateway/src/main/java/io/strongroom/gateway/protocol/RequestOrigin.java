package io.strongroom.gateway.protocol;

import io.vertx.core.http.HttpServerRequest;

/**
 * Where a request came from, for policy conditions ({@code aws:SourceIp},
 * {@code aws:SecureTransport}). {@link #UNKNOWN} carries neither key, which makes conditions on
 * them fail closed.
 *
 * @param sourceIp the client's address as the gateway sees it; null if unknown
 * @param secureTransport whether it came over TLS; null if unknown
 */
public record RequestOrigin(String sourceIp, Boolean secureTransport) {
    public static final RequestOrigin UNKNOWN = new RequestOrigin(null, null);

    static RequestOrigin of(HttpServerRequest request) {
        String ip = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new RequestOrigin(ip, request.isSSL());
    }
}
