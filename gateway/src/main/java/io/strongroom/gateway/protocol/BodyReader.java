package io.strongroom.gateway.protocol;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body up to a limit. A larger body is still read to its end and thrown away, so
 * the client, which is still sending, gets its 413 answer instead of a reset connection. Only a
 * body beyond {@link #DISCARD_FACTOR} times the limit is cut short: it is answered at once and the
 * connection closed after the answer.
 */
final class BodyReader {
    static final int DISCARD_FACTOR = 16;

    /** @param bytes null when the body was over the limit */
    record Body(Buffer bytes, boolean closeAfterAnswer) {
        boolean tooLarge() {
            return bytes == null;
        }
    }

    private BodyReader() {}

    static void read(HttpServerRequest request, int limit, Handler<Body> done) {
        Buffer collected = Buffer.buffer();
        long[] seen = {0};
        boolean[] finished = {false};
        String declared = request.getHeader("Content-Length");
        boolean[] tooLarge = {declared != null && parses(declared) && Long.parseLong(declared.trim()) > limit};
        request.handler(chunk -> {
            if (finished[0]) {
                return;
            }
            seen[0] += chunk.length();
            if (seen[0] > limit) {
                tooLarge[0] = true;
            }
            if (seen[0] > (long) limit * DISCARD_FACTOR) {
                finished[0] = true;
                done.handle(new Body(null, true));
            } else if (!tooLarge[0]) {
                collected.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> {
            if (!finished[0]) {
                finished[0] = true;
                done.handle(new Body(tooLarge[0] ? null : collected, false));
            }
        });
    }

    private static boolean parses(String number) {
        try {
            Long.parseLong(number.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
