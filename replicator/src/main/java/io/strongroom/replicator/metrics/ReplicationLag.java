package io.strongroom.replicator.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code strongroom.replication.lag} for one target: from the primary's outcome (the write
 * acknowledged to its client) to the target's acknowledgement of the delta (the change applied in
 * the replica region), with p50 and p99 published.
 */
public final class ReplicationLag {
    public static final String NAME = "strongroom.replication.lag";

    private final Timer timer;
    private final Clock clock;

    public ReplicationLag(MeterRegistry meters, String target, Clock clock) {
        this.timer = Timer.builder(NAME)
                .description("primary write to replica acknowledgement")
                .tag("target", target)
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.clock = clock;
    }

    public void acknowledged(Instant writtenAt) {
        Duration lag = Duration.between(writtenAt, clock.instant());
        timer.record(lag.isNegative() ? Duration.ZERO : lag);
    }
}
