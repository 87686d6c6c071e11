package io.strongroom.bench.report;

import java.util.List;
import java.util.stream.Collectors;

/** The table printed at the end of a run: one row per scenario and load. */
public final class ResultTable {
    private static final String ROW = "%-10s %-22s %8s %8s %8s %8s %8s %8s %8s %11s  %s%n";

    private ResultTable() {}

    public static String format(List<ScenarioResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(ROW, "scenario", "load", "req/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms",
                "ceiling", "cpu µs/call", "errors"));
        for (ScenarioResult r : results) {
            out.append(String.format(ROW, r.scenario(), r.load(), String.format("%.0f", r.achievedPerSecond()),
                    ms(r.p50()), ms(r.p90()), ms(r.p99()), ms(r.p999()), ms(r.max()),
                    r.ceilingFraction() == null ? "-" : String.format("%.0f%%", 100 * r.ceilingFraction()),
                    r.serverCpuMicrosPerCall() == null ? "-" : String.format("%.0f", r.serverCpuMicrosPerCall()),
                    errors(r)));
        }
        return out.toString();
    }

    private static String ms(double millis) {
        return millis < 10 ? String.format("%.2f", millis) : String.format("%.1f", millis);
    }

    private static String errors(ScenarioResult r) {
        if (r.errors().isEmpty()) {
            return "0";
        }
        return r.errors().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
