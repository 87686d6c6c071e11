package io.strongroom.gateway.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.gateway.audit.CallAuditor;
import io.strongroom.gateway.auth.Authenticator;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.operations.Operation;
import io.strongroom.gateway.operations.Operations;
import io.strongroom.gateway.protocol.query.QueryParameters;
import io.strongroom.gateway.protocol.query.QueryRequest;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS JSON 1.1 protocol on one Vert.x server: {@code POST /} with
 * {@code X-Amz-Target: secretsmanager.<Operation>}, plus {@code GET /health} and {@code GET /metrics}.
 * Steps, each with the error it answers: body within the limit (413 RequestEntityTooLargeException),
 * a JSON content type (UnknownOperationException, as AWS answers other content types), a known
 * target (UnknownOperationException), authentication, a JSON object body (SerializationException),
 * then the operation. Every answer to an API call, error or not, leaves one audit record ({@link CallAuditor});
 * {@code GET /health} and {@code GET /metrics} are not API calls and leave none. The body is read to
 * its end before any answer, so no client is cut off mid-send.
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
    private final CallAuditor auditor;
    private final Supplier<String> metrics;

    /** @param metrics the Prometheus text {@code GET /metrics} answers */
    public AwsJsonHandler(Operations operations, Authenticator authenticator, BooleanSupplier ready, int maxBodyBytes,
            ResponseWriter writer, CallAuditor auditor, Supplier<String> metrics) {
        this.operations = operations;
        this.authenticator = authenticator;
        this.ready = ready;
        this.maxBodyBytes = maxBodyBytes;
        this.writer = writer;
        this.auditor = auditor;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Exchange exchange = new Exchange(request, RequestIds.next(), writer, auditor);
        request.exceptionHandler(e -> LOG.debug("request {} aborted by the client: {}", exchange.requestId, e.toString()));
        if ("/health".equals(request.path()) && (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)) {
            boolean up = ready.getAsBoolean();
            writer.json(request.response(), exchange.requestId, up ? 200 : 503,
                    WireJson.object().put("status", up ? "ok" : "unavailable"));
            return;
        }
        if ("/metrics".equals(request.path()) && request.method() == HttpMethod.GET) {
            writer.text(request.response(), exchange.requestId, metrics.get());
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
        if (QueryRequest.isQuery(request)) {
            dispatchQuery(exchange, body);
            return;
        }
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
            exchange.operation = Target.operation(target).orElse("-");
            exchange.fail(AwsErrorCode.UNKNOWN_OPERATION.reject(target == null
                    ? "Missing X-Amz-Target header; send X-Amz-Target: " + Target.PREFIX + "<Operation>."
                    : "Unknown operation " + target + "."));
            return;
        }
        byte[] raw = body.bytes().getBytes();
        invoke(exchange, operation, raw, () -> new JsonRequest(WireRequest.object(raw), RequestOrigin.of(request)));
    }

    /**
     * The AWS Query form of the same operations: {@code Action=<Operation>} and the parameters in the
     * query string or a form body, answered in XML (see {@link QueryRequest}).
     */
    private void dispatchQuery(Exchange exchange, BodyReader.Body body) {
        byte[] raw = body.bytes().getBytes();
        Map<String, List<String>> parameters = QueryRequest.parameters(exchange.request, raw);
        String action = QueryRequest.action(parameters).orElse(null);
        exchange.queryAction = action == null ? "Unknown" : action;
        exchange.operation = action == null ? "-" : action;
        if (body.tooLarge()) {
            exchange.fail(AwsErrorCode.REQUEST_ENTITY_TOO_LARGE.reject(
                    "Request body must be no larger than " + maxBodyBytes + " bytes."));
            return;
        }
        Operation operation = action == null ? null : operations.byName(action).orElse(null);
        if (operation == null) {
            exchange.fail(AwsErrorCode.INVALID_ACTION.reject(action == null
                    ? "Missing Action parameter." : "Could not find operation " + action + " for version 2017-10-17."));
            return;
        }
        invoke(exchange, operation, raw,
                () -> JsonRequest.fromQuery(QueryParameters.toTree(parameters), RequestOrigin.of(exchange.request)));
    }

    /** Authenticates, then runs the operation and answers on the request's own context. */
    private void invoke(Exchange exchange, Operation operation, byte[] raw, Supplier<JsonRequest> parse) {
        exchange.operation = operation.name();
        Caller caller = authenticator.authenticate(WireRequest.signed(exchange.request, raw));
        exchange.account = caller.accountId();
        exchange.caller = caller;
        JsonRequest parsed = parse.get();
        exchange.requested = CallAuditor.requested(parsed.body());
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
