package io.strongroom.replicator.stream;

import java.time.Duration;

/** Doubling pauses between retries to an unreachable target, from {@code first} up to {@code max}. */
public final class Backoff {
    private final long firstNanos;
    private final long maxNanos;
    private long nextNanos;

    public Backoff(Duration first, Duration max) {
        this.firstNanos = first.toNanos();
        this.maxNanos = Math.max(firstNanos, max.toNanos());
        this.nextNanos = firstNanos;
    }

    /** The pause before the next retry; each call doubles the one after it. */
    public Duration next() {
        long current = nextNanos;
        nextNanos = Math.min(maxNanos, nextNanos * 2);
        return Duration.ofNanos(current);
    }

    /** The target answered: the next failure starts over from the first pause. */
    public void reset() {
        nextNanos = firstNanos;
    }
}
