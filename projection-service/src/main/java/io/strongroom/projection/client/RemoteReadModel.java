package io.strongroom.projection.client;

import io.strongroom.core.codec.Json;
import io.strongroom.core.crypto.SealedValue;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.query.ListQuery;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.query.SecretPage;
import io.strongroom.core.secret.SecretState;
import io.strongroom.projection.NotServingException;
import io.strongroom.projection.tls.InternalTls;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A projection instance's read model over its internal HTTP API ({@link InternalApi}), for a gateway
 * in another JVM. Failures come back as they would from the local model: {@link RejectedException}
 * for a rejection (e.g. an invalid NextToken), {@link TimeoutException} when an outcome did not arrive
 * in time, {@link NotServingException} when the instance is not serving, and an
 * {@link IllegalStateException} or the transport's exception otherwise.
 *
 * <p>Futures complete on the HTTP client's executor, never on the caller's thread.
 */
public final class RemoteReadModel implements ReadModel {
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Added to an outcome wait so the server's own timeout answer arrives before the client gives up. */
    private static final Duration LONG_POLL_MARGIN = Duration.ofSeconds(5);

    private final HttpClient http;
    private final URI base;
    private final Duration requestTimeout;

    public RemoteReadModel(HttpClient http, URI base, Duration requestTimeout) {
        this.http = http;
        this.base = base;
        this.requestTimeout = requestTimeout;
    }

    /** @param base e.g. {@code http://127.0.0.1:7070} */
    public RemoteReadModel(URI base) {
        this(httpClient(null), base, DEFAULT_REQUEST_TIMEOUT);
    }

    /** Over mutual TLS: {@code base} is {@code https://...} and {@code tls} the gateway's client identity. */
    public RemoteReadModel(URI base, InternalTls tls) {
        this(httpClient(tls), base, DEFAULT_REQUEST_TIMEOUT);
    }

    /** The HTTP client a gateway uses for a projection's internal API; {@code tls} null for plain HTTP. */
    public static HttpClient httpClient(InternalTls tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(DEFAULT_REQUEST_TIMEOUT);
        if (tls != null) {
            builder.sslContext(tls.clientContext());
        }
        return builder.build();
    }

    @Override
    public CompletableFuture<Optional<SecretState>> secret(String callerAccount, String secretId) {
        return get(InternalApi.SECRET + "?account=" + enc(callerAccount) + "&secretId=" + enc(secretId),
                requestTimeout, body -> Optional.ofNullable(Json.read(body, InternalApi.SecretAnswer.class).secret()));
    }

    @Override
    public CompletableFuture<Optional<WrappedKey>> dataKey(String secretId, String versionId) {
        return get(InternalApi.KEY + "?secretId=" + enc(secretId) + "&versionId=" + enc(versionId),
                requestTimeout, body -> Optional.ofNullable(Json.read(body, InternalApi.KeyAnswer.class).key()));
    }

    @Override
    public CompletableFuture<Optional<SealedValue>> sealedValue(String secretId, String versionId) {
        return get(InternalApi.VALUE + "?secretId=" + enc(secretId) + "&versionId=" + enc(versionId),
                requestTimeout, body -> Optional.ofNullable(Json.read(body, InternalApi.ValueAnswer.class).sealed()));
    }

    @Override
    public CompletableFuture<SecretPage> listSecrets(ListQuery query) {
        return send(post(InternalApi.SECRETS, query), requestTimeout, body -> Json.read(body, SecretPage.class));
    }

    @Override
    public CompletableFuture<Optional<LocalDate>> lastAccessed(String secretId) {
        return get(InternalApi.ACCESSED + "?secretId=" + enc(secretId), requestTimeout,
                body -> Optional.ofNullable(Json.read(body, InternalApi.AccessAnswer.class).day()));
    }

    @Override
    public CompletableFuture<Void> recordAccess(String secretId, LocalDate day) {
        return send(post(InternalApi.ACCESS, new InternalApi.AccessAnswer(secretId, day)), requestTimeout, body -> null);
    }

    @Override
    public CompletableFuture<Outcome> awaitOutcome(String commandId, Duration timeout) {
        return get(InternalApi.OUTCOME + enc(commandId) + "?timeoutMs=" + Math.max(0, timeout.toMillis()),
                timeout.plus(LONG_POLL_MARGIN), body -> Json.read(body, Outcome.class));
    }

    @Override
    public CompletableFuture<Void> catchUp(Duration timeout) {
        return get(InternalApi.CATCH_UP + "?timeoutMs=" + Math.max(0, timeout.toMillis()),
                timeout.plus(LONG_POLL_MARGIN), body -> null);
    }

    private HttpRequest.Builder post(String path, Object body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
    }

    private <T> CompletableFuture<T> get(String pathAndQuery, Duration timeout, Function<byte[], T> decode) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET(), timeout, decode);
    }

    private <T> CompletableFuture<T> send(HttpRequest.Builder builder, Duration timeout, Function<byte[], T> decode) {
        HttpRequest request = builder.timeout(timeout).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof HttpTimeoutException) {
                        throw new CompletionException(new TimeoutException("projection at " + base
                                + " did not answer in " + timeout.toMillis() + " ms"));
                    }
                    throw new CompletionException(cause);
                })
                .thenApply(response -> {
                    if (response.statusCode() == 200) {
                        return decode.apply(response.body());
                    }
                    throw new CompletionException(failure(response));
                });
    }

    private Exception failure(HttpResponse<byte[]> response) {
        InternalApi.ErrorAnswer error;
        try {
            error = Json.read(response.body(), InternalApi.ErrorAnswer.class);
        } catch (RuntimeException e) {
            return new IllegalStateException("projection at " + base + " answered HTTP " + response.statusCode());
        }
        if (error.kind() == null) {
            return new IllegalStateException("projection at " + base + " answered HTTP " + response.statusCode());
        }
        switch (error.kind()) {
            case REJECTED:
                return new RejectedException(AwsErrorCode.fromCode(error.code()), error.message());
            case TIMEOUT:
                return new TimeoutException(error.message());
            case NOT_SERVING:
                return new NotServingException(error.message());
            default:
                return new IllegalStateException("projection at " + base + " answered " + error.kind() + ": "
                        + error.message());
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
