package io.strongroom.gateway.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.core.error.Rejection;
import io.strongroom.gateway.protocol.query.XmlResponse;
import io.strongroom.gateway.audit.CallAuditor;
import io.strongroom.gateway.auth.Caller;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request in flight, from arrival to its answer: its id, what the one log line per request
 * reports (DEBUG: id, method, path, operation, account, status, error code, duration), and the
 * audit record every answer leaves. Used on the request's event loop only.
 */
final class Exchange {
    private static final Logger LOG = LoggerFactory.getLogger(AwsJsonHandler.class);

    final HttpServerRequest request;
    final String requestId;
    private final ResponseWriter writer;
    private final CallAuditor auditor;
    private final long started = System.nanoTime();
    String operation = "-";
    String account = "-";
    /** The Query protocol's Action when the request came in that form (answered in XML); null for JSON 1.1. */
    String queryAction;
    /** Who is calling, once authenticated; null before or when authentication failed. */
    Caller caller;
    /** The SecretId or Name the request named, for the audit record; null if none. */
    String requested;

    Exchange(HttpServerRequest request, String requestId, ResponseWriter writer, CallAuditor auditor) {
        this.request = request;
        this.requestId = requestId;
        this.writer = writer;
        this.auditor = auditor;
    }

    void answer(int status, JsonNode body) {
        if (queryAction != null) {
            writer.xml(request.response(), requestId, status, XmlResponse.success(queryAction, body, requestId));
        } else {
            writer.json(request.response(), requestId, status, body);
        }
        logged(status, null);
        auditor.answered(request, requestId, operation, caller, requested, body, status, null);
    }

    /** Answers with whatever error the failure stands for (see {@link Failures}). */
    void fail(Throwable failure) {
        fail(Failures.toRejection(failure, requestId, operation));
    }

    void fail(Rejection rejection) {
        fail(rejection.code().httpStatus(), rejection);
    }

    void fail(int status, Rejection rejection) {
        if (queryAction != null) {
            request.response().putHeader("x-amzn-ErrorType", rejection.code().code());
            writer.xml(request.response(), requestId, status, XmlResponse.error(rejection, status, requestId));
        } else {
            writer.error(request.response(), requestId, status, rejection);
        }
        logged(status, rejection.code().code());
        auditor.answered(request, requestId, operation, caller, requested, null, status, rejection.code().code());
    }

    private void logged(int status, String error) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} op={} account={} status={}{} {}us", requestId, request.method(), request.path(),
                    operation, account, status, error == null ? "" : " error=" + error,
                    (System.nanoTime() - started) / 1000);
        }
    }
}
