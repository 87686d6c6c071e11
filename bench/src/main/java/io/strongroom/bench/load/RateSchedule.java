package io.strongroom.bench.load;

/**
 * When each call of an open-loop run is meant to be sent: call {@code i} at
 * {@code start + i / rate}, whatever happened to the calls before it. Latency is measured from this
 * intended instant, so a stalled server is charged for the calls it delayed (no coordinated
 * omission). Pure arithmetic on nanosecond timestamps.
 */
public final class RateSchedule {
    private static final double NANOS_PER_SECOND = 1e9;

    private final long startNanos;
    private final double ratePerSecond;
    private final long calls;

    /** {@code calls} calls at {@code ratePerSecond}, the first at {@code startNanos}. */
    public RateSchedule(long startNanos, double ratePerSecond, long calls) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
        this.calls = calls;
    }

    /** The schedule of a run lasting {@code durationNanos}: {@code ceil(rate * duration)} calls. */
    public static RateSchedule over(long startNanos, double ratePerSecond, long durationNanos) {
        return new RateSchedule(startNanos, ratePerSecond,
                (long) Math.ceil(ratePerSecond * durationNanos / NANOS_PER_SECOND));
    }

    public long intendedAt(long call) {
        return startNanos + (long) (call * NANOS_PER_SECOND / ratePerSecond);
    }

    /** How many calls are due at {@code nowNanos}: those intended at or before it, at most {@link #calls()}. */
    public long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        long due = (long) Math.floor((nowNanos - startNanos) * ratePerSecond / NANOS_PER_SECOND) + 1;
        return Math.min(due, calls);
    }

    public long calls() {
        return calls;
    }

    public long startNanos() {
        return startNanos;
    }
}
