package io.strongroom.gateway.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.Rejection;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes every response the gateway gives, so each one carries {@code x-amzn-RequestId} and an
 * RFC 1123 {@code Date} (the SDKs correct clock skew from it). Errors use the JSON 1.1 shape
 * {@code {"__type": code, "Message": text}} plus {@code x-amzn-ErrorType}, from which the SDKs
 * pick the exception class.
 */
public final class ResponseWriter {
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    // Header names and the fixed value as Vert.x's pre-encoded ASCII strings (hash and bytes computed
    // once, not on every response).
    private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized("x-amzn-RequestId");
    private static final CharSequence DATE = HttpHeaders.createOptimized("Date");
    private static final CharSequence CONTENT_TYPE_NAME = HttpHeaders.createOptimized("Content-Type");
    private static final CharSequence JSON_CONTENT_TYPE = HttpHeaders.createOptimized(CONTENT_TYPE);
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Clock clock;
    /** The Date header of the current second: formatted once a second, not once a response. */
    private volatile HttpDate lastDate = new HttpDate(Long.MIN_VALUE, "");

    private record HttpDate(long epochSecond, CharSequence text) {}

    public ResponseWriter(Clock clock) {
        this.clock = clock;
    }

    private CharSequence date() {
        Instant now = clock.instant();
        HttpDate last = lastDate;
        if (last.epochSecond() != now.getEpochSecond()) {
            last = new HttpDate(now.getEpochSecond(), HttpHeaders.createOptimized(HTTP_DATE.format(now)));
            lastDate = last;
        }
        return last.text();
    }

    public void json(HttpServerResponse response, String requestId, int status, JsonNode body) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(REQUEST_ID, requestId)
                .putHeader(DATE, date())
                .putHeader(CONTENT_TYPE_NAME, JSON_CONTENT_TYPE)
                .end(Buffer.buffer(WireJson.write(body)));
    }

    /** An AWS Query protocol answer: an XML document. */
    public void xml(HttpServerResponse response, String requestId, int status, String document) {
        text(response, requestId, status, "text/xml", document);
    }

    /** A 200 plain-text answer in the Prometheus exposition format ({@code GET /metrics}). */
    public void text(HttpServerResponse response, String requestId, String body) {
        text(response, requestId, 200, "text/plain; version=0.0.4; charset=utf-8", body);
    }

    private void text(HttpServerResponse response, String requestId, int status, String contentType, String body) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(REQUEST_ID, requestId)
                .putHeader(DATE, date())
                .putHeader(CONTENT_TYPE_NAME, contentType)
                .end(body);
    }

    public void error(HttpServerResponse response, String requestId, Rejection rejection) {
        error(response, requestId, rejection.code().httpStatus(), rejection);
    }

    /** An error with a status other than its code's usual one (e.g. 404 for an unknown path). */
    public void error(HttpServerResponse response, String requestId, int status, Rejection rejection) {
        if (response.ended() || response.closed()) {
            return;
        }
        ObjectNode body = WireJson.object()
                .put("__type", rejection.code().code())
                .put("Message", rejection.message());
        response.putHeader("x-amzn-ErrorType", rejection.code().code());
        json(response, requestId, status, body);
    }
}
