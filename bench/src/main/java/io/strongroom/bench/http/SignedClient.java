package io.strongroom.bench.http;

import io.strongroom.gateway.auth.sigv4.RequestSigner;
import io.strongroom.gateway.auth.sigv4.SigV4;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * AWS JSON 1.1 calls ({@code POST /}, {@code X-Amz-Target: secretsmanager.<Operation>}) over a pool of
 * HTTP/1.1 keep-alive connections, each signed with SigV4 by the gateway's own {@link RequestSigner}
 * as an SDK would sign it. Calls never fail their future: an AWS error or a transport failure is a
 * {@link CallResult} with an error code, so the load generator counts it instead of stopping.
 */
public final class SignedClient implements AutoCloseable {
    public static final String SERVICE = "secretsmanager";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final Vertx vertx;
    private final HttpClientAgent http;
    private final RequestSigner signer;
    private final Clock clock;
    private final String host;
    private final int port;
    private final String hostHeader;

    public SignedClient(Vertx vertx, URI endpoint, Credentials credentials, int connections) {
        this.vertx = vertx;
        this.host = endpoint.getHost();
        this.port = endpoint.getPort();
        this.hostHeader = host + ":" + port;
        this.signer = new RequestSigner(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.region(),
                SERVICE);
        this.clock = Clock.systemUTC();
        this.http = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true).setIdleTimeout(60))
                .with(new PoolOptions().setHttp1MaxSize(Math.max(1, connections)))
                .build();
    }

    /** Calls {@code operation} (e.g. {@code GetSecretValue}) with a JSON body. */
    public Future<CallResult> call(String operation, byte[] jsonBody) {
        Instant now = clock.instant();
        String target = SERVICE + "." + operation;
        String amzDate = SigV4.amzDate(now);
        String authorization = signer.authorization("POST", "/", "", Map.of(
                "host", List.of(hostHeader),
                "content-type", List.of(CONTENT_TYPE),
                "x-amz-date", List.of(amzDate),
                "x-amz-target", List.of(target)), SigV4.sha256Hex(jsonBody), now);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Host", hostHeader)
                .add("Content-Type", CONTENT_TYPE)
                .add("X-Amz-Date", amzDate)
                .add("X-Amz-Target", target)
                .add("Authorization", authorization);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                .setURI("/").setHeaders(headers).setIdleTimeout(30_000);
        return http.request(options)
                .compose(request -> request.send(Buffer.buffer(jsonBody)))
                .compose(response -> response.body().map(body -> result(response, body)))
                .otherwise(SignedClient::transportFailure);
    }

    /** The Vert.x instance this client's connections and timers live on. */
    public Vertx vertx() {
        return vertx;
    }

    private static CallResult result(HttpClientResponse response, Buffer body) {
        int status = response.statusCode();
        if (status == 200) {
            return new CallResult(status, null, body);
        }
        String type = response.getHeader("x-amzn-ErrorType");
        String code = type == null ? "Http" + status : type.split(":", 2)[0];
        return new CallResult(status, code, body);
    }

    private static CallResult transportFailure(Throwable failure) {
        return CallResult.failure(failure instanceof TimeoutException ? "Timeout" : "ConnectionError");
    }

    @Override
    public void close() {
        http.close();
    }

    /** Who signs: an access key pair and the region the signature is scoped to. */
    public record Credentials(String accessKeyId, String secretAccessKey, String region) {
        @Override
        public String toString() {
            return "Credentials[" + accessKeyId + ", " + region + "]";
        }
    }
}
