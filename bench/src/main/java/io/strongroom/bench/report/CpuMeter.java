package io.strongroom.bench.report;

import java.time.Duration;
import java.util.Optional;

/**
 * CPU time a process has used, read at the start and at the end of a measurement window: CPU per
 * call is a cost that stays comparable on a busy machine, where throughput and latency do not.
 */
public final class CpuMeter {
    private final ProcessHandle process;
    private volatile Duration atStart;
    private volatile Duration atEnd;

    private CpuMeter(ProcessHandle process) {
        this.process = process;
    }

    /** The meter of process {@code pid}, or empty if the platform does not report its CPU time. */
    public static Optional<CpuMeter> of(long pid) {
        return ProcessHandle.of(pid).filter(p -> p.info().totalCpuDuration().isPresent()).map(CpuMeter::new);
    }

    public static Optional<CpuMeter> self() {
        return of(ProcessHandle.current().pid());
    }

    public void start() {
        atStart = used();
    }

    public void end() {
        atEnd = used();
    }

    /** Microseconds of CPU per call between {@link #start()} and {@link #end()}, or null if unknown. */
    public Double microsPerCall(long calls) {
        if (atStart == null || atEnd == null || calls <= 0) {
            return null;
        }
        return atEnd.minus(atStart).toNanos() / 1000.0 / calls;
    }

    /**
     * Waits (at most {@code timeout}) until the process uses less than {@code cores} of a core over
     * half a second: the background work a setup leaves (compactions, consumers catching up) is done.
     *
     * @return whether it settled in time
     */
    public boolean awaitQuiet(double cores, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Duration before = used();
            long started = System.nanoTime();
            Thread.sleep(500);
            Duration after = used();
            if (before == null || after == null) {
                return false;
            }
            if (after.minus(before).toNanos() < cores * (System.nanoTime() - started)) {
                return true;
            }
        }
        return false;
    }

    private Duration used() {
        return process.info().totalCpuDuration().orElse(null);
    }
}
