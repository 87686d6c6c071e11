package io.strongroom.systemtests.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.event.Outcome;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.LedgerVerifier;
import io.strongroom.systemtests.support.SecretWriter;
import io.strongroom.systemtests.support.WriteLedger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The scenario the kill tests share: two writers (three secrets each) on one SDK client create and
 * put versions; each time another {@link #ACKNOWLEDGED_BETWEEN_CRASHES} writes are acknowledged and
 * at least one call is in flight, the crash runs on the test thread (kill, then restart); the
 * writers retry their in-flight calls with the same tokens and finish their puts. Every recovery
 * must have had a write waiting across it (issued before the restart completed, acknowledged
 * after), or the test proved nothing.
 */
final class CrashDuringWrites implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrashDuringWrites.class);
    static final int ACKNOWLEDGED_BETWEEN_CRASHES = 20;
    private static final int SECRETS_PER_WRITER = 3;
    private static final int PUTS_PER_WRITER = 30;

    private final SecretsManagerClient client;
    private final WriteLedger ledger = new WriteLedger();
    private final List<SecretWriter> writers = new ArrayList<>();
    private final int putsPerWriter;

    /** Writers calling {@code endpoint} as {@code accessKeyId}. */
    CrashDuringWrites(URI endpoint, String accessKeyId) {
        this(endpoint, accessKeyId, PUTS_PER_WRITER);
    }

    CrashDuringWrites(URI endpoint, String accessKeyId, int putsPerWriter) {
        this.client = Clients.secretsManager(endpoint, accessKeyId);
        this.putsPerWriter = putsPerWriter;
    }

    /** The writers' ledger, for a crash that waits on their progress. */
    WriteLedger ledger() {
        return ledger;
    }

    /** Writes, crashes mid-writes {@code crashes} times, lets the writers finish; returns what they did. */
    WriteLedger run(Runnable crash, int crashes, Duration retryBudget) {
        for (String prefix : List.of("crash-a", "crash-b")) {
            writers.add(new SecretWriter(client, ledger, prefix, SECRETS_PER_WRITER, putsPerWriter, retryBudget)
                    .start());
        }
        List<Long> recoveries = new ArrayList<>();
        for (int n = 1; n <= crashes; n++) {
            int acknowledged = ledger.acknowledgedCount() + ACKNOWLEDGED_BETWEEN_CRASHES;
            await("writes acknowledged, and one in flight").atMost(retryBudget)
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> ledger.acknowledgedCount() >= acknowledged && !ledger.unacknowledged().isEmpty());
            long crashed = System.nanoTime();
            crash.run();
            long restarted = System.nanoTime();
            recoveries.add(restarted);
            LOG.info("crash {} after {} acknowledged writes; crash and restart took {} ms", n, acknowledged,
                    (restarted - crashed) / 1_000_000);
        }
        writers.forEach(writer -> writer.awaitDone(retryBudget.plusSeconds(30)));
        LOG.info("{} writes acknowledged; {} failed attempts; {} writes retried with the same token",
                ledger.acknowledgedCount(), ledger.failedAttempts(), ledger.retried().size());
        for (long recovered : recoveries) {
            assertThat(ledger.waitingAcross(recovered)).as("writes waiting across a recovery").isNotEmpty();
        }
        return ledger;
    }

    /**
     * Nothing lost, nothing doubled: the writers' ledger against what the service answers now and
     * against {@code events} (see {@link LedgerVerifier}).
     */
    void verify(List<Outcome> events) {
        LedgerVerifier.verify(ledger, client, events);
    }

    /** Stops the writers, then closes their client. */
    @Override
    public void close() {
        writers.forEach(SecretWriter::close);
        client.close();
    }
}
