package io.strongroom.bench.scale;

import io.strongroom.bench.BenchRun;
import io.strongroom.bench.BenchSettings;
import io.strongroom.bench.dev.DevProcess;
import io.strongroom.bench.report.MachineInfo;
import io.strongroom.bench.report.ScenarioResult;
import io.strongroom.bench.scenario.Scenarios;
import io.strongroom.kafka.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scale benchmark on a dev cluster it controls: load {@code settings.secrets()} secrets, measure
 * GetSecretValue over all of them and PutSecretValue at the settings' rate, take the footprint, then
 * restart the cluster twice: as it is, and with the projection's RocksDB deleted so it rebuilds from
 * the log.
 */
public final class ScaleRun {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(30);

    private final DevProcess dev;
    private final PrintStream progress;

    public ScaleRun(DevProcess dev, PrintStream progress) {
        this.dev = dev;
        this.progress = progress;
    }

    /** {@code settings} name the endpoint of {@code dev}, already started. */
    public ScaleReport run(BenchSettings settings) {
        AtomicLong loadNanos = new AtomicLong();
        progress.printf("scale: loading %,d secrets%n", settings.secrets());
        List<ScenarioResult> latency = new BenchRun(settings, progress).run(setup -> {
            long started = System.nanoTime();
            return Scenarios.largeSet(setup).onSuccess(set -> loadNanos.set(System.nanoTime() - started));
        });
        DevFootprint footprint = DevFootprint.of(dev.pid(), dev.primaryRegionDataDir());
        Topics topics = Topics.standard(Topics.DEFAULT_PARTITIONS);
        long records = dev.kafkaBootstrap().map(b -> LogSize.records(b, List.of(topics.events(), topics.keys()))).orElse(-1L);

        progress.println("scale: restarting the dev cluster");
        dev.stop();
        Duration restart = dev.start(START_TIMEOUT);
        progress.println("scale: restarting with the projection's RocksDB deleted (rebuild from the log)");
        dev.stop();
        delete(dev.primaryRegionDataDir().resolve("projection"));
        Duration rebuild = dev.start(START_TIMEOUT);
        return new ScaleReport(settings.secrets(), settings.connections(), MachineInfo.current(), loadNanos.get() / 1e9, latency, footprint,
                records, restart.toMillis() / 1000.0, rebuild.toMillis() / 1000.0,
                dev.lastLogMatch(CatchUpLine.LINE).map(CatchUpLine::of).orElse(null));
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            throw new IllegalStateException("no projection store at " + dir + ": the dev cluster's layout changed");
        }
        try {
            DevProcess.deleteTree(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
