package io.strongroom.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.bench.BenchRun;
import io.strongroom.bench.BenchSettings;
import io.strongroom.bench.http.SignedClient;
import io.strongroom.bench.load.RateOption;
import io.strongroom.bench.report.ScenarioResult;
import io.strongroom.bench.scenario.Scenarios;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.SharedRegion;
import io.strongroom.systemtests.support.TestAccount;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every single-region benchmark scenario (replication-lag: {@link ReplicationLagSmokeTest}), run briefly at a low rate against the shared region with signed calls:
 * the tool keeps working (calls are made, none fails). Counts only; timings are the benchmark's
 * business, not a test's.
 */
@ExtendWith(SharedRegion.class)
class BenchScenariosSmokeTest {
    private static TestAccount account;

    @BeforeAll
    static void account() {
        account = SharedRegion.newAccount();
    }

    static Stream<String> scenarios() {
        return Scenarios.withoutReplica(Scenarios.names()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aShortLowRateRunMakesCallsWithoutErrors(String scenario) {
        BenchSettings settings = new BenchSettings(SharedRegion.endpoint(),
                new SignedClient.Credentials(account.accessKeyId(), Clients.SECRET_ACCESS_KEY, "us-east-1"),
                Duration.ofMillis(500), Duration.ofSeconds(2), 2, RateOption.parse("20"), 30, 32, List.of(scenario), 1, null, Duration.ZERO);

        List<ScenarioResult> results = new BenchRun(settings, new PrintStream(PrintStream.nullOutputStream())).run();

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.scenario()).isEqualTo(scenario);
            assertThat(result.calls()).isEqualTo(40);
            assertThat(result.errors()).isEmpty();
        });
    }
}
