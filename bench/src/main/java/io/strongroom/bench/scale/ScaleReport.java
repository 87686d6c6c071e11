package io.strongroom.bench.scale;

import io.strongroom.bench.report.MachineInfo;
import io.strongroom.bench.report.ScenarioResult;
import java.util.List;

/**
 * What {@code bench scale} found for N secrets: how fast they loaded, read and write latency at a
 * fixed rate, the footprint, and how long the dev cluster took to restart (projection from its
 * RocksDB) and to rebuild (projection from the log).
 *
 * @param connections calls in flight while loading
 * @param logRecords records in the events and keys topics a rebuild replays (-1 if unknown)
 * @param rebuildReplay the rebuilding projection's own count and timing of its replay (null if its log line was not found)
 */
public record ScaleReport(int secrets, int connections, MachineInfo machine, double loadSeconds, List<ScenarioResult> latency,
        DevFootprint footprint, long logRecords, double restartSeconds, double rebuildSeconds, CatchUpLine rebuildReplay) {

    /** Records replayed per second: the log over the rebuild's extra time beyond a plain restart. */
    public Double replayedPerSecond() {
        double replay = rebuildSeconds - restartSeconds;
        return logRecords > 0 && replay > 0 ? logRecords / replay : null;
    }

    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Scale: %,d secrets on %s%n", secrets, machine.describe()));
        out.append(String.format("  load:     %.1f s (%.0f CreateSecret/s, %d in flight)%n", loadSeconds, secrets / loadSeconds,
                connections));
        out.append(io.strongroom.bench.report.ResultTable.format(latency).indent(2));
        out.append(String.format("  memory:   RSS %d MiB, live heap after GC %d MiB%n", footprint.rssMiB(), footprint.liveHeapMiB()));
        out.append(String.format("  disk:     %d MiB %s%n", footprint.dataDirMiB(), footprint.dataDirsMiB()));
        out.append(String.format("  restart:  %.1f s to serve again (JVM, Kafka and projection from its RocksDB)%n", restartSeconds));
        Double rate = replayedPerSecond();
        out.append(String.format("  rebuild:  %.1f s with the projection's RocksDB deleted; %,d log records%s%n", rebuildSeconds,
                logRecords, rate == null ? "" : String.format(", ~%,.0f records/s replayed (beyond the restart time)", rate)));
        if (rebuildReplay != null) {
            out.append(String.format("  replay:   %,d events in %,d outcomes (and %,d key records) in %.1f s: %,.0f events/s"
                    + " (the projection's count, start-up excluded; apply thread CPU %.1f s)%n", rebuildReplay.events(),
                    rebuildReplay.outcomes(), rebuildReplay.keyRecords(), rebuildReplay.seconds(), rebuildReplay.eventsPerSecond(),
                    rebuildReplay.applyCpuSeconds()));
        }
        return out.toString();
    }
}
