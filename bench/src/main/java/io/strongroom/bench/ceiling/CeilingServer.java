package io.strongroom.bench.ceiling;

import io.strongroom.gateway.EventLoopServers;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling reference: a bare Vert.x HTTP server, one instance per core on its own Vert.x, that
 * reads each request's body and answers a fixed GetSecretValue-shaped JSON. No signature check, no
 * encryption, no lookup: what this machine's HTTP stack does at best, measured by the same generator.
 */
public final class CeilingServer implements AutoCloseable {
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final Vertx vertx;
    private final int port;

    private CeilingServer(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
    }

    /** Starts on a free 127.0.0.1 port, answering a {@code SecretString} of {@code valueSize} characters. */
    public static CeilingServer start(int valueSize) {
        int instances = Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(instances));
        Buffer body = Buffer.buffer(body(valueSize));
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true);
        try {
            EventLoopServers servers = EventLoopServers.start(vertx, options, request -> request.body()
                    .onComplete(read -> request.response()
                            .putHeader("Content-Type", CONTENT_TYPE)
                            .putHeader("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000")
                            .end(body)), instances);
            return new CeilingServer(vertx, servers.port());
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("the ceiling server did not start: " + e, e);
        }
    }

    static String body(int valueSize) {
        return "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:000000000000:secret:bench/ceiling-AbCdEf\","
                + "\"Name\":\"bench/ceiling\",\"VersionId\":\"00000000-0000-4000-8000-000000000000\","
                + "\"SecretString\":\"" + "x".repeat(Math.max(1, valueSize)) + "\","
                + "\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.7E9}";
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        try {
            vertx.close().await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing at the end of a run: nothing left to do with a failure.
        }
    }
}
