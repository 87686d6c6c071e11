package io.strongroom.bench.cli;

import io.strongroom.bench.BenchRun;
import io.strongroom.bench.BenchSettings;
import io.strongroom.bench.dev.DevProcess;
import io.strongroom.bench.load.RateOption;
import io.strongroom.bench.report.JsonReport;
import io.strongroom.bench.report.MachineInfo;
import io.strongroom.bench.report.ResultTable;
import io.strongroom.bench.report.ScenarioResult;
import io.strongroom.bench.scenario.ReplicationLagScenario;
import io.strongroom.bench.scenario.Scenarios;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = ScaleCommand.class,
        description = {"Load-test a region with signed Secrets Manager calls: open loop at --rate (latency from the"
                + " intended send time, HdrHistogram) or closed loop at max; warm-up excluded.",
                "Reproduce the README table: ./strongroom bench --dev"})
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Option(names = "--scenario", split = ",", defaultValue = Scenarios.ALL,
            description = "scenario(s), repeatable: ceiling, get-hot, get-cold, describe, list, batch-get, put, create,"
                    + " mixed, replication-lag (needs a replica region), or all (default: ${DEFAULT-VALUE})")
    List<String> scenarios;

    @Option(names = "--rate", defaultValue = "max+half",
            description = "calls per second (open loop), max (closed loop, --connections in flight), or max+half"
                    + " (max, then open loop at half the achieved rate) (default: ${DEFAULT-VALUE})")
    String rate;

    @Option(names = "--duration", defaultValue = "10", description = "measured seconds per scenario (default: ${DEFAULT-VALUE})")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "5", description = "unmeasured warm-up seconds before each measurement (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--prewarm", defaultValue = "60", description = "seconds of unmeasured mixed calls before the first"
            + " scenario, so no scenario measures a cold JVM (default: ${DEFAULT-VALUE})")
    int prewarmSeconds;

    @Option(names = "--connections", defaultValue = "32", description = "HTTP connections, = calls in flight at max (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--threads", defaultValue = "2", description = "the generator's event loops (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--secrets", defaultValue = "2000", description = "size of the large (cold) secret set (default: ${DEFAULT-VALUE})")
    int secrets;

    @Option(names = "--value-size", defaultValue = "128", description = "characters per SecretString (default: ${DEFAULT-VALUE})")
    int valueSize;

    @Option(names = "--server-pid", description = "the server's process id on this machine, to report its CPU per call"
            + " (automatic with --dev)")
    Long serverPid;

    @Option(names = "--json", defaultValue = "bench-results.json", description = "where the JSON report goes (default: ${DEFAULT-VALUE})")
    Path json;

    @Override
    public Integer call() throws Exception {
        List<String> names = Scenarios.resolve(scenarios);
        RateOption rateOption = RateOption.parse(rate);
        if (target.replicaEndpoint == null && !target.dev && !scenarios.contains(Scenarios.ALL)
                && names.contains(ReplicationLagScenario.NAME)) {
            throw new IllegalArgumentException(ReplicationLagScenario.NAME + " needs --replica-endpoint (or --dev)");
        }
        MachineInfo machine = MachineInfo.current();
        String startedAt = Instant.now().toString();
        // A second region costs CPU the single-region scenarios would share: start it only when measured.
        boolean replicated = names.contains(ReplicationLagScenario.NAME);
        DevProcess dev = target.dev ? target.devProcess(replicated) : null;
        try {
            URI endpoint = URI.create(target.endpoint);
            if (dev != null) {
                System.err.println("bench: starting a dev cluster (log: " + dev.log() + ")");
                Duration took = dev.start(Duration.ofMinutes(5));
                endpoint = dev.endpoint();
                System.err.printf("bench: dev cluster serving on %s after %.1f s%n", endpoint, took.toMillis() / 1000.0);
            }
            BenchSettings.Replica replica = target.replica(dev);
            BenchSettings settings = new BenchSettings(endpoint, target.credentials(), Duration.ofSeconds(warmupSeconds),
                    Duration.ofSeconds(durationSeconds), connections, rateOption, secrets, valueSize,
                    replica == null ? Scenarios.withoutReplica(names) : names, threads,
                    dev != null ? Long.valueOf(dev.pid()) : serverPid, Duration.ofSeconds(prewarmSeconds))
                    .withReplica(replica);
            List<ScenarioResult> results = new BenchRun(settings, System.err).run();
            String loadAtEnd = MachineInfo.currentLoadAverage();
            System.out.println();
            System.out.println("Machine: " + machine.describe() + " (at start), " + loadAtEnd + " (at end)");
            System.out.println("Endpoint: " + endpoint + (dev != null ? " (strongroom dev, started by --dev)" : "")
                    + (replica != null ? "; replica region " + replica.credentials().region() + " at " + replica.endpoint() : ""));
            System.out.print(ResultTable.format(results));
            JsonReport.write(json, new JsonReport.Run(startedAt, endpoint.toString(), machine, loadAtEnd,
                    settings.describe(), results));
            System.out.println("JSON report: " + json.toAbsolutePath());
            return results.stream().allMatch(r -> r.calls() > 0) ? 0 : 1;
        } finally {
            if (dev != null) {
                dev.close();
            }
        }
    }
}
