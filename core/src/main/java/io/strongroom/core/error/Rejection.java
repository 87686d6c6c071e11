package io.strongroom.core.error;

import java.util.Objects;

/** A refused command or request: an AWS error code and the message the client sees. Never carries a secret value. */
public record Rejection(AwsErrorCode code, String message) {
    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
