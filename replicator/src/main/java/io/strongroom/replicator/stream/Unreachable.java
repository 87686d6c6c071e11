package io.strongroom.replicator.stream;

/** The target's cluster did not take a command or answer in time: the stream's retriable failure. */
final class Unreachable extends RuntimeException {
    Unreachable(Exception cause) {
        super(cause.toString(), cause);
    }

    Unreachable(String reason) {
        super(reason);
    }
}
