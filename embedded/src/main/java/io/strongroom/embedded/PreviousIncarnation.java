package io.strongroom.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retires the registration a single node left behind when it stopped uncleanly (SIGKILL, power
 * loss), before the node starts again.
 *
 * <p>Why: a restarted node reads its old registration from the metadata log and takes up its
 * coordinators at once, but its partitions lose their leader for a moment when the controller
 * fences that old registration. Kafka 4.4 drops the transaction markers of a partition that has no
 * leader, taking it for deleted (KAFKA-20734, open upstream): a transaction prepared or timed out at
 * the crash then hangs forever, its records never visible and its partition's last stable offset
 * stuck. Unregistering the old incarnation from a controller-only run of the node first means the
 * node comes back leaderless and takes up its coordinators only once it leads its partitions again,
 * so every marker finds its leader.
 */
final class PreviousIncarnation {
    private static final Logger LOG = LoggerFactory.getLogger(PreviousIncarnation.class);
    /** Written by Kafka's log manager on a clean shutdown, removed when the broker starts. */
    private static final String CLEAN_SHUTDOWN_MARKER = ".kafka_cleanshutdown";
    /** Ours: written once the node has served, so a log dir only formatted is not taken for a crashed one. */
    private static final String SERVED_MARKER = ".strongroom-served";
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(100);

    private PreviousIncarnation() {
    }

    /** Notes in {@code logDir} that its node has started and registered. */
    static void served(Path logDir) {
        try {
            if (!Files.exists(logDir.resolve(SERVED_MARKER))) {
                Files.createFile(logDir.resolve(SERVED_MARKER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + SERVED_MARKER + " in " + logDir, e);
        }
    }

    /** True if {@code logDir} holds a node that has served and did not shut down cleanly. */
    static boolean leftUncleanly(Path logDir) {
        return Files.exists(logDir.resolve(SERVED_MARKER)) && !Files.exists(logDir.resolve(CLEAN_SHUTDOWN_MARKER));
    }

    /**
     * Runs the node as a controller only, on its own log dir and controller port, unregisters the
     * broker's old incarnation, and stops. {@code controllerClient} authenticates to the controller
     * listener.
     */
    static void unregister(NodePorts ports, Path logDir, Map<String, String> overrides,
            Map<String, String> controllerClient, Duration timeout) {
        long t0 = System.nanoTime();
        KafkaRaftServer controller = new KafkaRaftServer(
                KafkaConfig.fromProps(KraftNode.controllerOnlyProperties(ports, logDir, overrides), false), Time.SYSTEM);
        try {
            controller.startup();
            unregisterBroker(ports.host() + ":" + ports.controller(), controllerClient, timeout);
        } finally {
            controller.shutdown();
            controller.awaitShutdown();
        }
        LOG.info("unregistered the uncleanly stopped broker of {} before its restart ({} ms)", logDir,
                (System.nanoTime() - t0) / 1_000_000);
    }

    private static void unregisterBroker(String controllerAddress, Map<String, String> controllerClient,
            Duration timeout) {
        Properties p = KraftNode.adminProperties(controllerClient, AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG,
                controllerAddress, "strongroom-embedded-unregister");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(p)) {
            while (!unregistered(admin, deadline)) {
                Thread.sleep(RETRY_BACKOFF.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while unregistering the old broker at " + controllerAddress, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot unregister the old broker at " + controllerAddress, e);
        }
    }

    /**
     * One attempt; false after a retriable failure with time left. A controller that has just started
     * can answer NotController until it has won its own election, and the Admin client does not retry that.
     */
    private static boolean unregistered(Admin admin, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        long remainingMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        try {
            admin.unregisterBroker(KraftNode.NODE_ID).all().get(remainingMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException && System.nanoTime() + RETRY_BACKOFF.toNanos() < deadline) {
                LOG.debug("unregistering the old broker: {}; retrying", e.getCause().toString());
                return false;
            }
            throw e;
        }
    }
}
