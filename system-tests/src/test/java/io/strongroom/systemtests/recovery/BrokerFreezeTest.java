package io.strongroom.systemtests.recovery;

import static org.awaitility.Awaitility.await;

import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.deploy.cluster.RegionServices;
import io.strongroom.embedded.KafkaBrokerProcess;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import io.strongroom.systemtests.support.ChildLogs;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.EventLog;
import io.strongroom.systemtests.support.LedgerVerifier;
import io.strongroom.systemtests.support.TempDirs;
import io.strongroom.systemtests.support.WriteLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The broker JVM frozen (SIGSTOP) for longer than the clients' {@code max.block.ms}, then thawed
 * (SIGCONT), four times while writes are in flight. A freeze often catches command-service inside
 * {@code commitTransaction}: the call times out although the broker has the EndTxn request and, once
 * thawed, may commit it. The command-service must then fold what was committed, not drop it; a
 * dropped batch shows as repeated seq numbers and two AWSCURRENT versions. The outcome of each
 * freeze is a race, so one run catches a regression with good, not certain, probability.
 */
@Timeout(180)
class BrokerFreezeTest {
    private static final Topics TOPICS = Topics.standard(4);
    /** Short, so that a freeze outlasts it: commitTransaction and initTransactions give up after this. */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(4);
    private static final Duration FREEZE = MAX_BLOCK.plusSeconds(2);

    private Path dir;
    private KafkaBrokerProcess broker;
    private RegionServices services;
    private SecretsManagerClient client;
    private CrashDuringWrites scenario;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("strongroom-broker-freeze");
        broker = KafkaBrokerProcess.builder().logDir(dir.resolve("kafka")).build().start();
        KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(),
                Map.of("max.block.ms", String.valueOf(MAX_BLOCK.toMillis())));
        services = new RegionServices(new RegionServices.Settings("us-east-1", kafka, TOPICS, dir.resolve("services"),
                "127.0.0.1", 0, DevCluster.devIdentities())).start();
        await("services ready").atMost(Duration.ofSeconds(30)).until(services::isReady);
    }

    @AfterEach
    void stop() {
        if (broker != null && broker.isAlive()) {
            signal("CONT");
        }
        if (scenario != null) {
            scenario.close();
        }
        if (client != null) {
            client.close();
        }
        if (services != null) {
            services.close();
        }
        if (broker != null) {
            broker.close();
        }
        ChildLogs.preserve(dir, getClass().getSimpleName());
        TempDirs.delete(dir);
    }

    @Test
    void brokerFrozenPastMaxBlockMidCommitLosesNoAcknowledgedWriteAndDoublesNone() {
        client = Clients.secretsManager(services.endpoint(), "AKIABROKERFREEZE0001");
        scenario = new CrashDuringWrites(60);

        WriteLedger ledger = scenario.run(client, () -> {
            signal("STOP");
            long frozen = System.nanoTime();
            await("the freeze outlasting max.block.ms").atMost(FREEZE.plusSeconds(5))
                    .until(() -> System.nanoTime() - frozen > FREEZE.toNanos());
            signal("CONT");
        }, 4, Duration.ofSeconds(60));

        LedgerVerifier.verify(ledger, client, EventLog.read(broker.bootstrapServers(), TOPICS));
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(broker.pid())).inheritIO().start();
            await("kill -" + name).atMost(Duration.ofSeconds(5)).until(() -> !kill.isAlive());
        } catch (IOException e) {
            throw new IllegalStateException("cannot send SIG" + name + " to the broker", e);
        }
    }
}
