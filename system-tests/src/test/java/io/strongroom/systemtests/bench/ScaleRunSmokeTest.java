package io.strongroom.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.bench.BenchSettings;
import io.strongroom.bench.dev.DevProcess;
import io.strongroom.bench.http.SignedClient;
import io.strongroom.bench.load.RateOption;
import io.strongroom.bench.scale.ScaleReport;
import io.strongroom.bench.scale.ScaleRun;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code bench scale} end to end on a tiny scale: a dev cluster in a child JVM is loaded, measured,
 * restarted, and restarted again with its projection's store deleted, so the rebuild step finds the
 * store where the dev cluster keeps it. Counts and presence only; the timings are the benchmark's.
 */
class ScaleRunSmokeTest {
    private static final int SECRETS = 40;

    @Test
    void loadsMeasuresRestartsAndRebuildsASmallDevCluster() {
        try (DevProcess dev = DevProcess.inTempDirectory(List.of("-Xmx512m"), false)) {
            dev.start(Duration.ofMinutes(3));
            BenchSettings settings = new BenchSettings(dev.endpoint(),
                    new SignedClient.Credentials("AKIASTRONGROOMDEV0001", "strongroom-dev-secret", "us-east-1"),
                    Duration.ofMillis(500), Duration.ofSeconds(1), 2, RateOption.parse("20"), SECRETS, 32,
                    List.of("get-cold", "put"), 1, dev.pid(), Duration.ZERO);

            ScaleReport report = new ScaleRun(dev, new PrintStream(PrintStream.nullOutputStream())).run(settings);

            assertThat(report.secrets()).isEqualTo(SECRETS);
            assertThat(report.describe()).contains("2 in flight");
            assertThat(report.latency()).hasSize(2).allSatisfy(result -> {
                assertThat(result.calls()).isPositive();
                assertThat(result.errors()).isEmpty();
            });
            assertThat(report.footprint().dataDirsMiB()).containsKeys("projection", "command-service", "kafka");
            assertThat(report.logRecords()).isGreaterThan(2L * SECRETS);
            assertThat(report.restartSeconds()).isPositive();
            assertThat(report.rebuildSeconds()).isPositive();
            // Read off the rebuilding projection's own log line: every CreateSecret's three events at least.
            assertThat(report.rebuildReplay()).isNotNull();
            assertThat(report.rebuildReplay().outcomes()).isGreaterThanOrEqualTo(SECRETS);
            assertThat(report.rebuildReplay().events()).isGreaterThanOrEqualTo(3L * SECRETS);
            assertThat(report.describe()).contains("events/s");
        }
    }
}
