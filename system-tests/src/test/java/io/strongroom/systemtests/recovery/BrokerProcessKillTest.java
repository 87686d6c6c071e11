package io.strongroom.systemtests.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.Outcome;
import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.deploy.cluster.RegionServices;
import io.strongroom.embedded.KafkaBrokerProcess;
import io.strongroom.gateway.GatewayConfig;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import io.strongroom.systemtests.support.EventLog;
import io.strongroom.systemtests.support.TestIdentities;
import io.strongroom.systemtests.support.TestWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGKILL of the broker JVM while writes are in flight; the services (in this JVM) stay up and must
 * carry on once the broker is back. The broker stays down past the gateway's timeout, so the gateway
 * answers InternalServiceError meanwhile and the SDK retries the same request (same token); the
 * commands it gave up on reach command-service late and are rejected as expired.
 */
@Timeout(180)
class BrokerProcessKillTest {
    private static final Topics TOPICS = Topics.standard(4);
    private static final Duration GATEWAY_GAVE_UP = GatewayConfig.DEFAULT_TIMEOUT.plusSeconds(2);

    private final TestWorkspace workspace = TestWorkspace.create("strongroom-broker-kill", getClass());
    private KafkaBrokerProcess broker;
    private RegionServices services;

    @BeforeEach
    void start() {
        Path dir = workspace.dir();
        broker = workspace.track(KafkaBrokerProcess.builder().logDir(dir.resolve("kafka")).build().start());
        services = workspace.track(new RegionServices(new RegionServices.Settings("us-east-1",
                KafkaSettings.of(broker.bootstrapServers()), TOPICS, dir.resolve("services"), "127.0.0.1", 0,
                TestIdentities.devIdentity("AKIABROKERKILL000001"))).start());
        await("services ready").atMost(Duration.ofSeconds(30)).until(services::isReady);
    }

    @AfterEach
    void stop() throws Exception {
        workspace.close();
    }

    @Test
    void sigkillOfTheBrokerJvmMidWritesLosesNoAcknowledgedWriteAndDoublesNone() {
        CrashDuringWrites scenario =
                workspace.track(new CrashDuringWrites(services.endpoint(), "AKIABROKERKILL000001"));

        scenario.run(() -> {
            broker.kill();
            // Down long enough for the gateway to give up on a write (InternalServiceError) and the SDK to retry it.
            await("a write outlasting the gateway's timeout").atMost(Duration.ofSeconds(30))
                    .until(() -> scenario.ledger().longestInFlight().compareTo(GATEWAY_GAVE_UP) > 0);
            broker.start();
        }, 1, Duration.ofSeconds(90));

        List<Outcome> events = EventLog.read(broker.bootstrapServers(), TOPICS);
        scenario.verify(events);
        assertThat(events).as("commands the gateway gave up on, rejected as expired when they arrived late")
                .anyMatch(o -> o.status() == Outcome.Status.REJECTED
                        && o.rejection().code() == AwsErrorCode.INTERNAL_SERVICE_ERROR);
    }
}
