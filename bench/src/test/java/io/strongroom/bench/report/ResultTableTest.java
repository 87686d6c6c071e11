package io.strongroom.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {
    private final ScenarioResult ceiling = new ScenarioResult("ceiling", "fixed", "max (32 in flight)", 1000, 20000,
            1, 2, 3, 4, 5, Map.of(), null, null, null);
    private final ScenarioResult getHot = new ScenarioResult("get-hot", "GetSecretValue", "max (32 in flight)", 500,
            10000, 1.5, 2.5, 3.5, 12.25, 40, Map.of("ThrottlingException", 3L), null, 250.0, null);

    @Test
    void eachRowShowsRatePercentilesCeilingShareAndErrorsByCode() {
        String table = ResultTable.format(List.of(ceiling.relativeTo(20000), getHot.relativeTo(20000)));

        assertThat(table.lines().toList()).hasSize(3);
        assertThat(table.lines().toList().get(0)).contains("req/s", "p50 ms", "p99.9 ms", "ceiling", "errors");
        assertThat(table.lines().toList().get(2)).contains("get-hot", "10000", "1.50", "3.50", "12.3", "50%", "250",
                "ThrottlingException=3");
    }

    @Test
    void withoutACeilingTheShareIsADash() {
        assertThat(ResultTable.format(List.of(getHot)).lines().toList().get(1)).contains(" - ");
    }

    @Test
    void theJsonReportHoldsTheMachineTheSettingsAndEveryResult(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/bench.json");
        JsonReport.write(file, new JsonReport.Run("2026-01-01T00:00:00Z", "http://127.0.0.1:1", MachineInfo.current(),
                "0.1 0.1 0.1", Map.of("rate", "max"), List.of(getHot)));

        String json = Files.readString(file);
        assertThat(json).contains("\"get-hot\"", "\"achievedPerSecond\"", "\"ThrottlingException\"", "\"cores\"");
    }
}
