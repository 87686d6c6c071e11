package io.strongroom.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.bench.ceiling.CeilingServer;
import io.strongroom.bench.http.SignedClient;
import io.strongroom.bench.scenario.LaneClients;
import io.strongroom.bench.scenario.Scenarios;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generator against the in-process ceiling server: counts, not timings. */
class LoadGeneratorTest {
    private static final SignedClient.Credentials CREDENTIALS =
            new SignedClient.Credentials("AKIATEST", "secret", "us-east-1");

    private Vertx vertx;
    private CeilingServer ceiling;
    private List<LoadGenerator.Lane> lanes;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        ceiling = CeilingServer.start(16);
        lanes = List.of(lane(), lane());
    }

    private LoadGenerator.Lane lane() {
        return new LoadGenerator.Lane(vertx.getOrCreateContext(), new LaneClients(
                new SignedClient(vertx, ceiling.endpoint(), CREDENTIALS, 2),
                new SignedClient(vertx, ceiling.endpoint(), CREDENTIALS, 2)));
    }

    @AfterEach
    void stop() throws Exception {
        lanes.forEach(lane -> lane.clients().close());
        ceiling.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void anOpenLoopRecordsTheScheduledCallsOfTheWindowOnly() throws Exception {
        LoadPlan plan = LoadPlan.open(200, 4, Duration.ofMillis(500), Duration.ofSeconds(1));

        LatencyRecorder recorded = LoadGenerator.run(lanes, Scenarios.create(Scenarios.CEILING, 0), plan)
                .await(60, TimeUnit.SECONDS);

        // 200/s over the 1 s window, split across two lanes: 100 scheduled calls each.
        assertThat(recorded.histogram().getTotalCount()).isEqualTo(200);
        assertThat(recorded.errors()).isEmpty();
    }

    @Test
    void aClosedLoopKeepsCallingUntilTheEnd() throws Exception {
        // No warm-up: the first calls (sent at the start) fall in the window however slow this machine is.
        LoadPlan plan = LoadPlan.closed(4, Duration.ZERO, Duration.ofSeconds(2));

        LatencyRecorder recorded = LoadGenerator.run(lanes, Scenarios.create(Scenarios.CEILING, 0), plan)
                .await(60, TimeUnit.SECONDS);

        assertThat(recorded.histogram().getTotalCount()).isPositive();
        assertThat(recorded.errors()).isEmpty();
    }

    @Test
    void anUnreachableEndpointIsCountedAsErrorsNotThrown() throws Exception {
        int closedPort = ceiling.endpoint().getPort();
        ceiling.close();
        LoadPlan plan = LoadPlan.open(50, 2, Duration.ZERO, Duration.ofMillis(400));

        LatencyRecorder recorded = LoadGenerator.run(lanes, Scenarios.create(Scenarios.CEILING, 0), plan)
                .await(60, TimeUnit.SECONDS);

        assertThat(closedPort).isPositive();
        assertThat(recorded.errors()).containsKey("ConnectionError");
        assertThat(recorded.errors().get("ConnectionError")).isEqualTo(recorded.histogram().getTotalCount());
    }
}
