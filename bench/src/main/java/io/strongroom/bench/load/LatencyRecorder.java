package io.strongroom.bench.load;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The bookkeeping of one load generator lane (one thread, so no locking): latencies of the calls
 * intended inside the measurement window, in microseconds from their intended send time; errors by
 * code; and the calls that completed inside the window (the achieved throughput). Warm-up calls
 * and calls intended after the window are not recorded.
 */
public final class LatencyRecorder {
    /** One hour in microseconds: anything slower is clamped, not lost. */
    static final long HIGHEST_MICROS = 3_600_000_000L;

    private final long windowStartNanos;
    private final long windowEndNanos;
    private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
    private final Map<String, Long> errors = new TreeMap<>();
    private long completedInWindow;

    public LatencyRecorder(long windowStartNanos, long windowEndNanos) {
        this.windowStartNanos = windowStartNanos;
        this.windowEndNanos = windowEndNanos;
    }

    /** @param errorCode null for a success */
    public void record(long intendedNanos, long completedNanos, String errorCode) {
        if (completedNanos >= windowStartNanos && completedNanos < windowEndNanos) {
            completedInWindow++;
        }
        if (intendedNanos < windowStartNanos || intendedNanos >= windowEndNanos) {
            return;
        }
        long micros = Math.max(0, (completedNanos - intendedNanos) / 1_000);
        histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
        if (errorCode != null) {
            errors.merge(errorCode, 1L, Long::sum);
        }
    }

    /** A call the generator could not even send (too many outstanding): an error, and no latency. */
    public void skipped(long intendedNanos, String reason) {
        if (intendedNanos >= windowStartNanos && intendedNanos < windowEndNanos) {
            errors.merge(reason, 1L, Long::sum);
        }
    }

    public Histogram histogram() {
        return histogram;
    }

    public Map<String, Long> errors() {
        return errors;
    }

    public long completedInWindow() {
        return completedInWindow;
    }

    /** Adds another lane's bookkeeping into this one. */
    public void add(LatencyRecorder other) {
        histogram.add(other.histogram);
        other.errors.forEach((code, count) -> errors.merge(code, count, Long::sum));
        completedInWindow += other.completedInWindow;
    }
}
