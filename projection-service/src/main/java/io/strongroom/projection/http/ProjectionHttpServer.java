package io.strongroom.projection.http;

import io.strongroom.core.codec.Json;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.query.ListQuery;
import io.strongroom.core.query.ReadModel;
import io.strongroom.projection.NotServingException;
import io.strongroom.projection.client.InternalApi;
import io.strongroom.projection.client.InternalApi.ErrorAnswer;
import io.strongroom.projection.client.InternalApi.ErrorKind;
import io.strongroom.projection.tls.InternalTls;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link ReadModel} as the internal projection API ({@link InternalApi}). The handlers call
 * the model on the event loop: its contract allows a local store read on the caller's thread and
 * nothing more, and an outcome long-poll is only a registered future, answered back on this request's
 * context when it completes.
 */
public final class ProjectionHttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionHttpServer.class);
    private static final long DEFAULT_OUTCOME_WAIT_MS = 10_000;
    private static final long MAX_BODY_BYTES = 256 * 1024;

    private final Vertx vertx;
    private final ReadModel model;
    private final Supplier<InternalApi.Health> health;
    private final java.util.function.BooleanSupplier serving;
    private HttpServer server;

    public ProjectionHttpServer(Vertx vertx, ReadModel model, Supplier<InternalApi.Health> health,
            java.util.function.BooleanSupplier serving) {
        this.vertx = vertx;
        this.model = model;
        this.health = health;
        this.serving = serving;
    }

    /** Binds and completes with the actual port (useful when {@code port} is 0). */
    public Future<Integer> listen(String host, int port) {
        return listen(host, port, null);
    }

    /** As {@link #listen(String, int)}, over mutual TLS when {@code tls} is not null. */
    public Future<Integer> listen(String host, int port, InternalTls tls) {
        Router router = Router.router(vertx);
        router.get(InternalApi.SECRET).handler(ctx ->
                answer(ctx, model.secret(param(ctx, "account"), param(ctx, "secretId"))
                        .thenApply(found -> new InternalApi.SecretAnswer(found.orElse(null)))));
        router.get(InternalApi.KEY).handler(ctx ->
                answer(ctx, model.dataKey(param(ctx, "secretId"), param(ctx, "versionId"))
                        .thenApply(found -> new InternalApi.KeyAnswer(found.orElse(null)))));
        router.get(InternalApi.VALUE).handler(ctx ->
                answer(ctx, model.sealedValue(param(ctx, "secretId"), param(ctx, "versionId"))
                        .thenApply(found -> new InternalApi.ValueAnswer(found.orElse(null)))));
        router.post(InternalApi.SECRETS).handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
        router.post(InternalApi.SECRETS).handler(ctx ->
                answer(ctx, model.listSecrets(body(ctx, ListQuery.class))));
        router.get(InternalApi.ACCESSED).handler(ctx -> {
            String secretId = param(ctx, "secretId");
            answer(ctx, model.lastAccessed(secretId)
                    .thenApply(day -> new InternalApi.AccessAnswer(secretId, day.orElse(null))));
        });
        router.post(InternalApi.ACCESS).handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
        router.post(InternalApi.ACCESS).handler(ctx -> {
            InternalApi.AccessAnswer access = body(ctx, InternalApi.AccessAnswer.class);
            if (access.secretId() == null || access.day() == null) {
                throw new BadRequest("secretId and day are required");
            }
            answer(ctx, model.recordAccess(access.secretId(), access.day()).thenApply(done -> Map.of("recorded", true)));
        });
        router.get(InternalApi.OUTCOME + ":commandId").handler(ctx -> {
            long waitMs = Math.min(number(ctx, "timeoutMs", DEFAULT_OUTCOME_WAIT_MS), InternalApi.MAX_OUTCOME_WAIT_MS);
            answer(ctx, model.awaitOutcome(ctx.pathParam("commandId"), Duration.ofMillis(waitMs)));
        });
        router.get(InternalApi.CATCH_UP).handler(ctx -> {
            long waitMs = Math.min(number(ctx, "timeoutMs", DEFAULT_OUTCOME_WAIT_MS), InternalApi.MAX_OUTCOME_WAIT_MS);
            answer(ctx, model.catchUp(Duration.ofMillis(waitMs)).thenApply(done -> Map.of("caughtUp", true)));
        });
        router.get(InternalApi.HEALTH).handler(ctx ->
                send(ctx, serving.getAsBoolean() ? 200 : 503, health.get()));
        router.route().failureHandler(this::failed);
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port);
        return vertx.createHttpServer(tls == null ? options : tls.applyTo(options))
                .requestHandler(router)
                .listen()
                .map(s -> {
                    server = s;
                    LOG.info("projection API listening on {}:{} ({})", host, s.actualPort(),
                            tls == null ? "plain HTTP" : "mutual TLS");
                    return s.actualPort();
                });
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void answer(RoutingContext ctx, CompletableFuture<?> result) {
        Context context = vertx.getOrCreateContext();
        Future.fromCompletionStage(result, context).onComplete(done -> {
            if (done.succeeded()) {
                send(ctx, 200, done.result());
            } else {
                ctx.fail(done.cause());
            }
        });
    }

    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof RejectedException rejected) {
            send(ctx, 400, new ErrorAnswer(ErrorKind.REJECTED, rejected.rejection().code().code(),
                    rejected.rejection().message()));
        } else if (failure instanceof NotServingException) {
            send(ctx, 503, new ErrorAnswer(ErrorKind.NOT_SERVING, null, failure.getMessage()));
        } else if (failure instanceof TimeoutException) {
            send(ctx, 504, new ErrorAnswer(ErrorKind.TIMEOUT, null, "outcome not applied in time"));
        } else if (failure instanceof BadRequest) {
            send(ctx, 400, new ErrorAnswer(ErrorKind.BAD_REQUEST, null, failure.getMessage()));
        } else {
            LOG.warn("projection API {} failed: {}", ctx.request().path(), String.valueOf(failure));
            send(ctx, 500, new ErrorAnswer(ErrorKind.INTERNAL, null, "internal error"));
        }
    }

    private static void send(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(Buffer.buffer(Json.write(body)));
    }

    private static String param(RoutingContext ctx, String name) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isEmpty()) {
            throw new BadRequest("missing query parameter " + name);
        }
        return value;
    }

    private static <T> T body(RoutingContext ctx, Class<T> type) {
        try {
            return Json.read(ctx.body().buffer().getBytes(), type);
        } catch (RuntimeException e) {
            throw new BadRequest("malformed " + type.getSimpleName() + " body");
        }
    }

    private static long number(RoutingContext ctx, String name, long fallback) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequest("query parameter " + name + " is not a number");
        }
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
