package io.strongroom.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.bench.BenchRun;
import io.strongroom.bench.BenchSettings;
import io.strongroom.bench.http.SignedClient;
import io.strongroom.bench.load.RateOption;
import io.strongroom.bench.report.ScenarioResult;
import io.strongroom.bench.scenario.ReplicationLagScenario;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.TestAccount;
import io.strongroom.systemtests.support.TwoRegions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The replication-lag scenario, run briefly at a low rate against two real regions: every write
 * acknowledged in the primary became readable (that version) in the replica, none failed. Counts
 * only; the lag itself is the benchmark's business, not a test's.
 */
@ExtendWith(TwoRegions.class)
class ReplicationLagSmokeTest {

    @Test
    void aShortLowRateRunMakesEveryWriteReadableInTheReplicaWithoutErrors() {
        TestAccount account = TwoRegions.newAccount();
        BenchSettings settings = new BenchSettings(TwoRegions.primary().endpoint(),
                new SignedClient.Credentials(account.accessKeyId(), Clients.SECRET_ACCESS_KEY, TwoRegions.PRIMARY),
                Duration.ofMillis(500), Duration.ofSeconds(2), 2, RateOption.parse("20"), 30, 32,
                List.of(ReplicationLagScenario.NAME), 1, null, Duration.ZERO)
                .withReplica(new BenchSettings.Replica(TwoRegions.replica().endpoint(),
                        new SignedClient.Credentials(account.accessKeyId(), Clients.SECRET_ACCESS_KEY, TwoRegions.REPLICA)));

        List<ScenarioResult> results = new BenchRun(settings, new PrintStream(PrintStream.nullOutputStream())).run();

        assertThat(results).extracting(ScenarioResult::scenario).containsExactly(ReplicationLagScenario.NAME,
                ReplicationLagScenario.NAME + ":ack→readable", ReplicationLagScenario.NAME + ":write");
        assertThat(results.get(0)).as("write, then readable in %s", TwoRegions.REPLICA).satisfies(call -> {
            assertThat(call.calls()).isEqualTo(40);
            assertThat(call.errors()).isEmpty();
        });
        assertThat(results.subList(1, 3)).allSatisfy(part -> {
            assertThat(part.calls()).as(part.scenario()).isPositive();
            assertThat(part.errors()).as(part.scenario()).isEmpty();
        });
    }
}
