package io.strongroom.systemtests.recovery;

import static org.awaitility.Awaitility.await;

import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.deploy.cluster.RegionServices;
import io.strongroom.embedded.KafkaBrokerProcess;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import io.strongroom.systemtests.support.EventLog;
import io.strongroom.systemtests.support.TestIdentities;
import io.strongroom.systemtests.support.TestWorkspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
    /**
     * Longer than a freeze. A single combined node whose broker session expires while frozen fences
     * itself on thawing; for that moment its partitions have no leader, and Kafka's transaction
     * coordinator then skips the abort markers of an open transaction ("partitions are likely deleted
     * already"), leaving it hanging on events and __consumer_offsets. That is a one-node artefact (with
     * more brokers the partitions have other leaders) and not what this test is about: client timeouts.
     */
    private static final Duration BROKER_SESSION = FREEZE.plusSeconds(6);

    private final TestWorkspace workspace = TestWorkspace.create("strongroom-broker-freeze", getClass());
    private KafkaBrokerProcess broker;
    private RegionServices services;

    @BeforeEach
    void start() {
        Path dir = workspace.dir();
        broker = workspace.track(KafkaBrokerProcess.builder().logDir(dir.resolve("kafka"))
                .property("broker.session.timeout.ms", String.valueOf(BROKER_SESSION.toMillis())).build().start());
        KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(),
                Map.of("max.block.ms", String.valueOf(MAX_BLOCK.toMillis())));
        services = workspace.track(new RegionServices(new RegionServices.Settings("us-east-1", kafka, TOPICS,
                dir.resolve("services"), "127.0.0.1", 0, TestIdentities.devIdentity("AKIABROKERFREEZE0001"))).start());
        await("services ready").atMost(Duration.ofSeconds(30)).until(services::isReady);
    }

    @AfterEach
    void stop() throws Exception {
        if (broker != null && broker.isAlive()) {
            signal("CONT");
        }
        workspace.close();
    }

    @Test
    void brokerFrozenPastMaxBlockMidCommitLosesNoAcknowledgedWriteAndDoublesNone() {
        CrashDuringWrites scenario =
                workspace.track(new CrashDuringWrites(services.endpoint(), "AKIABROKERFREEZE0001", 60));

        scenario.run(() -> {
            signal("STOP");
            long frozen = System.nanoTime();
            await("the freeze outlasting max.block.ms").atMost(FREEZE.plusSeconds(5))
                    .until(() -> System.nanoTime() - frozen > FREEZE.toNanos());
            signal("CONT");
        }, 4, Duration.ofSeconds(60));

        scenario.verify(EventLog.read(broker.bootstrapServers(), TOPICS));
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
