package io.strongroom.bench.report;

import io.strongroom.bench.load.LatencyRecorder;
import io.strongroom.bench.load.LoadPlan;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One scenario's numbers: achieved calls per second in the measurement window, latency percentiles in
 * milliseconds (from the intended send time), and errors by AWS error code.
 *
 * @param ceilingFraction achieved rate / the ceiling's achieved rate, or null when no ceiling ran
 * @param serverCpuMicrosPerCall CPU the server process (the whole dev JVM: Kafka included) spent per call
 *     answered in the window, or null when its process is unknown
 * @param generatorCpuMicrosPerCall the same for this load generator's own process
 */
public record ScenarioResult(String scenario, String description, String load, long calls, double achievedPerSecond,
        double p50, double p90, double p99, double p999, double max, Map<String, Long> errors,
        Double ceilingFraction, Double serverCpuMicrosPerCall, Double generatorCpuMicrosPerCall) {

    public static ScenarioResult of(String scenario, String description, LoadPlan plan, LatencyRecorder recorder) {
        Histogram h = recorder.histogram();
        double seconds = plan.duration().toNanos() / 1e9;
        return new ScenarioResult(scenario, description, plan.describe(), h.getTotalCount(),
                recorder.completedInWindow() / seconds,
                millis(h.getValueAtPercentile(50)), millis(h.getValueAtPercentile(90)),
                millis(h.getValueAtPercentile(99)), millis(h.getValueAtPercentile(99.9)), millis(h.getMaxValue()),
                new TreeMap<>(recorder.errors()), null, null, null);
    }

    public ScenarioResult withCpu(Double serverMicrosPerCall, Double generatorMicrosPerCall) {
        return new ScenarioResult(scenario, description, load, calls, achievedPerSecond, p50, p90, p99, p999, max,
                errors, ceilingFraction, serverMicrosPerCall, generatorMicrosPerCall);
    }

    public ScenarioResult relativeTo(double ceilingPerSecond) {
        return new ScenarioResult(scenario, description, load, calls, achievedPerSecond, p50, p90, p99, p999, max,
                errors, ceilingPerSecond > 0 ? achievedPerSecond / ceilingPerSecond : null, serverCpuMicrosPerCall,
                generatorCpuMicrosPerCall);
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
