package io.strongroom.systemtests.support;

import io.strongroom.gateway.auth.SigV4Authenticator;
import io.strongroom.gateway.auth.sigv4.RequestSigner;
import io.strongroom.gateway.auth.sigv4.SigV4;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw JSON 1.1 calls ({@code POST /}) signed with SigV4 by hand, for tests of what an SDK would never
 * send: malformed bodies, odd content types, an old X-Amz-Date, the presigned query form.
 */
public final class SignedHttp {
    public static final String REGION = "us-east-1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI endpoint;
    private final RequestSigner signer;

    public SignedHttp(URI endpoint, String accessKeyId, String secretAccessKey, String region) {
        this.endpoint = endpoint;
        this.signer = new RequestSigner(accessKeyId, secretAccessKey, region, SigV4Authenticator.SERVICE);
    }

    /** Signing as {@code accessKeyId} with {@link Clients#SECRET_ACCESS_KEY} in us-east-1. */
    public static SignedHttp as(URI endpoint, String accessKeyId) {
        return new SignedHttp(endpoint, accessKeyId, Clients.SECRET_ACCESS_KEY, REGION);
    }

    /** POST / signed now; {@code target} or {@code contentType} null leaves that header out. */
    public HttpResponse<String> post(String target, String contentType, String body) {
        return post(target, contentType, body, Instant.now());
    }

    /** POST / signed in the Authorization header as if at {@code signedAt}. */
    public HttpResponse<String> post(String target, String contentType, String body, Instant signedAt) {
        Map<String, List<String>> headers = headers(target, contentType);
        headers.put("X-Amz-Date", List.of(SigV4.amzDate(signedAt)));
        String authorization = signer.authorization("POST", "/", null, headers, hash(body), signedAt);
        return send(HttpRequest.newBuilder(endpoint.resolve("/")).header("Authorization", authorization), headers, body);
    }

    /** POST /?X-Amz-Algorithm=...&X-Amz-Signature=..., the presigned form, signed now. */
    public HttpResponse<String> presignedPost(String target, String contentType, String body, Duration expires) {
        Map<String, List<String>> headers = headers(target, contentType);
        String query = signer.presignedQuery("POST", "/", null, headers, hash(body), Instant.now(), expires);
        return send(HttpRequest.newBuilder(URI.create(endpoint.resolve("/") + "?" + query)), headers, body);
    }

    private Map<String, List<String>> headers(String target, String contentType) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of(endpoint.getAuthority()));
        if (target != null) {
            headers.put("X-Amz-Target", List.of(target));
        }
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        return headers;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, Map<String, List<String>> headers, String body) {
        headers.forEach((name, values) -> {
            if (!name.equals("Host")) {
                request.header(name, values.get(0));
            }
        });
        try {
            return HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String body) {
        return SigV4.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
    }
}
