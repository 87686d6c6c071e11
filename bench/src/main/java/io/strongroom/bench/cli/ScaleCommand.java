package io.strongroom.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.strongroom.bench.BenchSettings;
import io.strongroom.bench.dev.DevProcess;
import io.strongroom.bench.load.RateOption;
import io.strongroom.bench.scale.ScaleReport;
import io.strongroom.bench.scale.ScaleRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scale", mixinStandardHelpOptions = true,
        description = {"Manual scale benchmark on a dev cluster it starts (--dev is implied): load N secrets, measure"
                + " GetSecretValue over all of them and PutSecretValue at --rate, report memory, disk, restart and"
                + " rebuild-from-log time.", "e.g. ./strongroom bench scale --secrets 100000"})
public final class ScaleCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Option(names = "--secrets", defaultValue = "100000", description = "secrets to load (default: ${DEFAULT-VALUE})")
    int secrets;

    @Option(names = "--rate", defaultValue = "500", description = "calls per second of the latency runs (default: ${DEFAULT-VALUE})")
    String rate;

    @Option(names = "--duration", defaultValue = "10", description = "measured seconds per latency run (default: ${DEFAULT-VALUE})")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "5", description = "warm-up seconds per latency run (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--connections", defaultValue = "32", description = "HTTP connections (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--value-size", defaultValue = "128", description = "characters per SecretString (default: ${DEFAULT-VALUE})")
    int valueSize;

    @Option(names = "--json", defaultValue = "scale-results.json", description = "where the JSON report goes (default: ${DEFAULT-VALUE})")
    Path json;

    @Override
    public Integer call() throws Exception {
        try (DevProcess dev = target.devProcess()) {
            System.err.println("bench scale: starting a dev cluster (log: " + dev.log() + ")");
            dev.start(Duration.ofMinutes(5));
            BenchSettings settings = new BenchSettings(dev.endpoint(), target.credentials(), Duration.ofSeconds(warmupSeconds),
                    Duration.ofSeconds(durationSeconds), connections, RateOption.parse(rate), secrets, valueSize,
                    List.of("get-cold", "put"), 2, dev.pid(), Duration.ofSeconds(10));
            ScaleReport report = new ScaleRun(dev, System.err).run(settings);
            System.out.println();
            System.out.print(report.describe());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
            System.out.println("JSON report: " + json.toAbsolutePath());
            return 0;
        }
    }
}
