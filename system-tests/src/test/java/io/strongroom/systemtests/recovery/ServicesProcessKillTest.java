package io.strongroom.systemtests.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.embedded.EmbeddedKafka;
import io.strongroom.kafka.Topics;
import io.strongroom.systemtests.support.ChildLogs;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.EventLog;
import io.strongroom.systemtests.support.LedgerVerifier;
import io.strongroom.systemtests.support.ServicesProcess;
import io.strongroom.systemtests.support.TempDirs;
import io.strongroom.systemtests.support.WriteLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * SIGKILL of the services JVM ({@code strongroom node}: command-service, projection, gateway) while
 * writes are in flight, twice, against a broker that stays up (in this JVM); each time a restart on
 * the same data dir, and the clients retry their in-flight calls with the same tokens.
 */
@Timeout(180)
class ServicesProcessKillTest {
    private static final int PARTITIONS = 4;

    private Path dir;
    private EmbeddedKafka kafka;
    private ServicesProcess services;
    private SecretsManagerClient client;
    private CrashDuringWrites scenario;

    @BeforeEach
    void startBroker() throws Exception {
        dir = Files.createTempDirectory("strongroom-services-kill");
        kafka = EmbeddedKafka.builder().logDir(dir.resolve("kafka")).build().start();
    }

    @AfterEach
    void stopEverything() {
        if (scenario != null) {
            scenario.close();
        }
        if (client != null) {
            client.close();
        }
        if (services != null) {
            services.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        ChildLogs.preserve(dir, getClass().getSimpleName());
        TempDirs.delete(dir);
    }

    @Test
    void sigkillOfTheServicesJvmMidWritesLosesNoAcknowledgedWriteAndDoublesNone() {
        services = ServicesProcess.node(dir, kafka.bootstrapServers(), PARTITIONS);
        services.start();
        client = Clients.secretsManager(services.endpoint(), "AKIASERVICESKILL0001");
        scenario = new CrashDuringWrites();

        WriteLedger ledger = scenario.run(client, services::restart, 2, Duration.ofSeconds(60));

        assertThat(ledger.retried()).as("writes in flight at the kill, retried with their token").isNotEmpty();
        LedgerVerifier.verify(ledger, client, EventLog.read(kafka.bootstrapServers(), Topics.standard(PARTITIONS)));
    }
}
