package io.strongroom.systemtests.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.kafka.Topics;
import io.strongroom.systemtests.support.EventLog;
import io.strongroom.systemtests.support.ServicesProcess;
import io.strongroom.systemtests.support.TestWorkspace;
import io.strongroom.systemtests.support.WriteLedger;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGKILL of the whole dev cluster ({@code strongroom dev}: embedded broker and every service in one
 * JVM) while writes are in flight, twice; each time a restart on the same data dir. Dev mode maps
 * every access key to account 000000000000.
 */
@Timeout(180)
class DevProcessKillTest {
    private static final Topics TOPICS = Topics.standard(4);
    private static final Pattern BROKER_LINE = Pattern.compile("embedded Kafka broker on (\\S+) \\(log");

    private final TestWorkspace workspace = TestWorkspace.create("strongroom-dev-kill", getClass());
    private ServicesProcess dev;

    @BeforeEach
    void start() {
        dev = workspace.track(ServicesProcess.dev(workspace.dir(), TOPICS.partitions()));
        dev.start();
    }

    @AfterEach
    void stop() throws Exception {
        workspace.close();
    }

    @Test
    void sigkillOfTheDevClusterJvmMidWritesLosesNoAcknowledgedWriteAndDoublesNone() {
        CrashDuringWrites scenario = workspace.track(new CrashDuringWrites(dev.endpoint(), ServicesProcess.ACCESS_KEY_ID));

        WriteLedger ledger = scenario.run(dev::restart, 2, Duration.ofSeconds(60));

        assertThat(ledger.retried()).as("writes in flight at the kill, retried with their token").isNotEmpty();
        scenario.verify(EventLog.read(currentBroker(), TOPICS));
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
