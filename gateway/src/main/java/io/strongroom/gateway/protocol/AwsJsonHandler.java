package io.strongroom.gateway.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.gateway.auth.Authenticator;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.operations.Operation;
import io.strongroom.gateway.operations.Operations;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS JSON 1.1 protocol on one Vert.x server: {@code POST /} with
 * {@code X-Amz-Target: secretsmanager.<Operation>}, plus {@code GET /health}. Steps, each with the
 * error it answers: body within the limit (413 RequestEntityTooLargeException), a JSON content type
 * (UnknownOperationException, as AWS answers other content types), a known target
 * (UnknownOperationException), authentication, a JSON object body (SerializationException), then the
 * operation. The body is read to its end before any answer, so no client is cut off mid-send.
 *
 * <p>Operations complete on whatever thread their projection or Kafka answers on; the response is
 * written back on the request's own Vert.x context.
 */
public final class AwsJsonHandler implements Handler<HttpServerRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(AwsJsonHandler.class);

    private final Operations operations;
    private final Authenticator authenticator;
    private final BooleanSupplier ready;
    private final int maxBodyBytes;
    private final ResponseWriter writer;

    public AwsJsonHandler(Operations operations, Authenticator authenticator, BooleanSupplier ready, int maxBodyBytes,
            ResponseWriter writer) {
        this.operations = operations;
        this.authenticator = authenticator;
        this.ready = ready;
        this.maxBodyBytes = maxBodyBytes;
        this.writer = writer;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Exchange exchange = new Exchange(request, UUID.randomUUID().toString(), writer);
        request.exceptionHandler(e -> LOG.debug("request {} aborted by the client: {}", exchange.requestId, e.toString()));
        if ("/health".equals(request.path()) && (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)) {
            boolean up = ready.getAsBoolean();
            exchange.answer(up ? 200 : 503, WireJson.object().put("status", up ? "ok" : "unavailable"));
            return;
        }
        BodyReader.read(request, maxBodyBytes, body -> {
            if (body.closeAfterAnswer()) {
                request.response().putHeader("Connection", "close").endHandler(v -> request.connection().close());
            }
            try {
                dispatch(exchange, body);
            } catch (RuntimeException failure) {
                exchange.fail(failure);
            }
        });
    }

    private void dispatch(Exchange exchange, BodyReader.Body body) {
        HttpServerRequest request = exchange.request;
        if (request.method() != HttpMethod.POST || !"/".equals(request.path())) {
            exchange.fail(404, AwsErrorCode.UNKNOWN_OPERATION.reject(
                    "No operation at " + request.method() + " " + request.path() + "; send POST / with X-Amz-Target."));
            return;
        }
        if (body.tooLarge()) {
            exchange.fail(AwsErrorCode.REQUEST_ENTITY_TOO_LARGE.reject(
                    "Request body must be no larger than " + maxBodyBytes + " bytes."));
            return;
        }
        String contentType = request.getHeader("Content-Type");
        if (!WireRequest.isJson(contentType)) {
            exchange.fail(AwsErrorCode.UNKNOWN_OPERATION.reject("Unsupported Content-Type "
                    + (contentType == null ? "(none)" : "'" + contentType + "'") + "; send application/x-amz-json-1.1."));
            return;
        }
        String target = request.getHeader("X-Amz-Target");
        Operation operation = Target.operation(target).flatMap(operations::byName).orElse(null);
        if (operation == null) {
            exchange.fail(AwsErrorCode.UNKNOWN_OPERATION.reject(target == null
                    ? "Missing X-Amz-Target header; send X-Amz-Target: " + Target.PREFIX + "<Operation>."
                    : "Unknown operation " + target + "."));
            return;
        }
        exchange.operation = operation.name();
        byte[] raw = body.bytes().getBytes();
        Caller caller = authenticator.authenticate(WireRequest.signed(request, raw));
        exchange.account = caller.accountId();
        JsonRequest parsed = new JsonRequest(WireRequest.object(raw), RequestOrigin.of(request));
        CompletableFuture<ObjectNode> result;
        try {
            result = operation.handle(caller, parsed);
        } catch (RuntimeException failure) {
            result = CompletableFuture.failedFuture(failure);
        }
        Context context = Vertx.currentContext();
        result.whenComplete((response, failure) -> context.runOnContext(v -> {
            if (failure != null) {
                exchange.fail(failure);
            } else {
                exchange.answer(200, response);
            }
        }));
    }
}
