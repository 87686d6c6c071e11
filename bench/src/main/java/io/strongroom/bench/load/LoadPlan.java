package io.strongroom.bench.load;

import java.time.Duration;

/**
 * How a scenario is driven: open loop at {@code rate} calls per second, or closed loop ({@code rate}
 * null) with {@code connections} calls in flight, each sent as the previous one is answered.
 * Calls intended during {@code warmup} are sent but not recorded.
 */
public record LoadPlan(Double rate, int connections, Duration warmup, Duration duration) {

    public LoadPlan {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1");
        }
        if (rate != null && !(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive or max");
        }
    }

    public static LoadPlan closed(int connections, Duration warmup, Duration duration) {
        return new LoadPlan(null, connections, warmup, duration);
    }

    public static LoadPlan open(double rate, int connections, Duration warmup, Duration duration) {
        return new LoadPlan(rate, connections, warmup, duration);
    }

    public boolean openLoop() {
        return rate != null;
    }

    /** The calls the whole run may send, warm-up included (closed loop: unknown, so null). */
    public Long expectedCalls() {
        return rate == null ? null : (long) Math.ceil(rate * (warmup.toNanos() + duration.toNanos()) / 1e9);
    }

    /** {@code max (32 in flight)} or {@code 5000/s}. */
    public String describe() {
        return rate == null ? "max (" + connections + " in flight)" : String.format("%.0f/s", rate);
    }
}
