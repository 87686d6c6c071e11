package io.strongroom.systemtests.recovery;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * SIGKILL of the whole dev cluster ({@code strongroom dev}: embedded broker and every service in one
 * JVM) while writes are in flight, twice; each time a restart on the same data dir. Dev mode maps
 * every access key to account 000000000000.
 */
@Timeout(180)
class DevProcessKillTest {
    private static final Topics TOPICS = Topics.standard(4);
    private static final Pattern BROKER_LINE = Pattern.compile("embedded Kafka broker on (\\S+) \\(log");

    private Path dir;
    private ServicesProcess dev;
    private SecretsManagerClient client;
    private CrashDuringWrites scenario;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("strongroom-dev-kill");
        dev = ServicesProcess.dev(dir, TOPICS.partitions());
        dev.start();
    }

    @AfterEach
    void stop() {
        if (scenario != null) {
            scenario.close();
        }
        if (client != null) {
            client.close();
        }
        if (dev != null) {
            dev.close();
        }
        ChildLogs.preserve(dir, getClass().getSimpleName());
        TempDirs.delete(dir);
    }

    @Test
    void sigkillOfTheDevClusterJvmMidWritesLosesNoAcknowledgedWriteAndDoublesNone() {
        client = Clients.secretsManager(dev.endpoint(), "AKIADEVKILL000000001");
        scenario = new CrashDuringWrites();

        WriteLedger ledger = scenario.run(client, dev::restart, 2, Duration.ofSeconds(60));

        assertThat(ledger.retried()).as("writes in flight at the kill, retried with their token").isNotEmpty();
        LedgerVerifier.verify(ledger, client, EventLog.read(currentBroker(), TOPICS));
    }

    /** The embedded broker picks its port at each start; the dev cluster logs it. */
    private String currentBroker() {
        Matcher m = BROKER_LINE.matcher(dev.output());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertThat(last).as("the dev cluster's log names its broker (%s)", dev.outputFile()).isNotNull();
        return last;
    }
}
