package io.strongroom.systemtests.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.embedded.EmbeddedKafka;
import io.strongroom.kafka.Topics;
import io.strongroom.systemtests.support.EventLog;
import io.strongroom.systemtests.support.ServicesProcess;
import io.strongroom.systemtests.support.TestWorkspace;
import io.strongroom.systemtests.support.WriteLedger;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGKILL of the services JVM ({@code strongroom node}: command-service, projection, gateway) while
 * writes are in flight, twice, against a broker that stays up (in this JVM); each time a restart on
 * the same data dir, and the clients retry their in-flight calls with the same tokens.
 */
@Timeout(180)
class ServicesProcessKillTest {
    private static final int PARTITIONS = 4;

    private final TestWorkspace workspace = TestWorkspace.create("strongroom-services-kill", getClass());
    private EmbeddedKafka kafka;

    @BeforeEach
    void startBroker() {
        kafka = workspace.track(EmbeddedKafka.builder().logDir(workspace.dir().resolve("kafka")).build().start());
    }

    @AfterEach
    void stopEverything() throws Exception {
        workspace.close();
    }

    @Test
    void sigkillOfTheServicesJvmMidWritesLosesNoAcknowledgedWriteAndDoublesNone() {
        ServicesProcess services =
                workspace.track(ServicesProcess.node(workspace.dir(), kafka.bootstrapServers(), PARTITIONS));
        services.start();
        CrashDuringWrites scenario =
                workspace.track(new CrashDuringWrites(services.endpoint(), ServicesProcess.ACCESS_KEY_ID));

        WriteLedger ledger = scenario.run(services::restart, 2, Duration.ofSeconds(60));

        assertThat(ledger.retried()).as("writes in flight at the kill, retried with their token").isNotEmpty();
        scenario.verify(EventLog.read(kafka.bootstrapServers(), Topics.standard(PARTITIONS)));
    }
}
