package io.strongroom.bench.http;

import io.vertx.core.buffer.Buffer;

/**
 * One answered call: the HTTP status, the AWS error code (null on success) and the body.
 *
 * @param errorCode the {@code x-amzn-ErrorType} code, {@code HttpNNN} for an error without one, or the
 *                  transport failure's name ({@code ConnectionError}, {@code Timeout})
 */
public record CallResult(int status, String errorCode, Buffer body) {

    public boolean ok() {
        return errorCode == null;
    }

    public static CallResult failure(String errorCode) {
        return new CallResult(0, errorCode, Buffer.buffer());
    }
}
