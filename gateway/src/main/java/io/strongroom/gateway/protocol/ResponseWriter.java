package io.strongroom.gateway.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.Rejection;
import io.vertx.core.buffer.Buffer;
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
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Clock clock;
    /** The Date header of the current second: formatted once a second, not once a response. */
    private volatile HttpDate lastDate = new HttpDate(Long.MIN_VALUE, "");

    private record HttpDate(long epochSecond, String text) {}

    public ResponseWriter(Clock clock) {
        this.clock = clock;
    }

    private String date() {
        Instant now = clock.instant();
        HttpDate last = lastDate;
        if (last.epochSecond() != now.getEpochSecond()) {
            last = new HttpDate(now.getEpochSecond(), HTTP_DATE.format(now));
            lastDate = last;
        }
        return last.text();
    }

    public void json(HttpServerResponse response, String requestId, int status, JsonNode body) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader("x-amzn-RequestId", requestId)
                .putHeader("Date", date())
                .putHeader("Content-Type", CONTENT_TYPE)
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
                .putHeader("x-amzn-RequestId", requestId)
                .putHeader("Date", date())
                .putHeader("Content-Type", contentType)
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
