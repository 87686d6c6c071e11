package io.strongroom.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configuration, storage formatting and readiness probing shared by {@link EmbeddedKafka} and
 * {@link KafkaBrokerProcess}: one combined KRaft node (broker + controller) on loopback.
 */
final class KraftNode {

    private static final Logger LOG = LoggerFactory.getLogger(KraftNode.class);

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String META_PROPERTIES = "meta.properties";

    /**
     * Defaults for a single fast-starting node that supports transactions. Anything here can be
     * overridden through the builders' {@code property(..)}.
     */
    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        // A single replica everywhere, otherwise initTransactions / consumer groups hang.
        d.put("transaction.state.log.replication.factor", "1");
        d.put("transaction.state.log.min.isr", "1");
        d.put("transaction.state.log.num.partitions", "4");
        d.put("offsets.topic.replication.factor", "1");
        d.put("offsets.topic.num.partitions", "4");
        d.put("share.coordinator.state.topic.replication.factor", "1");
        d.put("share.coordinator.state.topic.min.isr", "1");
        d.put("group.initial.rebalance.delay.ms", "0");
        // Re-registration after a crash is rejected until the old session expires: keep it short.
        d.put("broker.heartbeat.interval.ms", "500");
        d.put("broker.session.timeout.ms", "2500");
        d.put("auto.create.topics.enable", "false");
        d.put("num.partitions", "1");
        d.put("default.replication.factor", "1");
        d.put("min.insync.replicas", "1");
        d.put("unclean.leader.election.enable", "false");
        // The cleaner's dedupe buffer is allocated eagerly on heap (128 MiB by default).
        d.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        // Every transaction appends to both coordinator logs; only rolled segments are compacted, and a
        // coordinator that moves (a fenced broker coming back) replays the whole active segment: keep it small.
        d.put("transaction.state.log.segment.bytes", String.valueOf(4 * 1024 * 1024));
        d.put("offsets.topic.segment.bytes", String.valueOf(4 * 1024 * 1024));
        return Map.copyOf(d);
    }

    private KraftNode() {
    }

    /** The full broker configuration for one node. */
    static Properties serverProperties(NodePorts ports, Path logDir, Map<String, String> overrides) {
        String host = ports.host();
        int brokerPort = ports.broker();
        int controllerPort = ports.controller();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.put("listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort
                + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.putAll(DEFAULTS);
        p.putAll(overrides);
        return p;
    }

    /**
     * The same node as {@link #serverProperties} with the controller role only: its controller
     * listener, no broker listener, so no partition, coordinator or client is served.
     */
    static Properties controllerOnlyProperties(NodePorts ports, Path logDir, Map<String, String> overrides) {
        Properties p = serverProperties(ports, logDir, overrides);
        p.put("process.roles", "controller");
        p.put("listeners", CONTROLLER_LISTENER + "://" + ports.host() + ":" + ports.controller());
        p.remove("advertised.listeners");
        p.remove("inter.broker.listener.name");
        p.remove("sasl.mechanism.inter.broker.protocol");
        return p;
    }

    /**
     * Formats {@code logDir} as KRaft storage for {@link #NODE_ID} unless it already holds a
     * {@code meta.properties}; returns the cluster id (new or existing).
     */
    static String ensureFormatted(Path logDir) {
        return ensureFormatted(logDir, List.of());
    }

    /** As {@link #ensureFormatted(Path)}, writing {@code scramArguments} (StorageTool's --add-scram) on a first format. */
    static String ensureFormatted(Path logDir, List<String> scramArguments) {
        Path meta = logDir.resolve(META_PROPERTIES);
        try {
            if (Files.exists(meta)) {
                String clusterId = readClusterId(meta);
                LOG.debug("Reusing formatted log dir {} (cluster id {})", logDir, clusterId);
                return clusterId;
            }
            Files.createDirectories(logDir);
            String clusterId = Uuid.randomUuid().toString();
            String dir = logDir.toAbsolutePath().toString();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
                new Formatter()
                        .setPrintStream(print)
                        .setNodeId(NODE_ID)
                        .setClusterId(clusterId)
                        .setDirectories(List.of(dir))
                        .setMetadataLogDirectory(dir)
                        .setControllerListenerName(CONTROLLER_LISTENER)
                        .setWriteBootstrapSnapshot(true)
                        .setScramArguments(scramArguments)
                        .run();
            }
            LOG.debug("Formatted {}: {}", logDir, out.toString(StandardCharsets.UTF_8).trim());
            return clusterId;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format KRaft storage in " + logDir, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot format KRaft storage in " + logDir, e);
        }
    }

    private static String readClusterId(Path meta) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            p.load(in);
        }
        String clusterId = p.getProperty("cluster.id");
        if (clusterId == null || clusterId.isBlank()) {
            throw new IllegalStateException(meta + " has no cluster.id");
        }
        return clusterId;
    }

    /**
     * Blocks until the broker at {@code bootstrapServers} answers DescribeCluster listing this
     * node, or throws {@link TimeoutException} after {@code timeout}. Gives up early (with an
     * {@link IllegalStateException}) when {@code stillRunning} turns false.
     */
    static void awaitReachable(String bootstrapServers, Duration timeout, BooleanSupplier stillRunning)
            throws TimeoutException, InterruptedException {
        awaitReachable(bootstrapServers, Map.of(), timeout, stillRunning);
    }

    /** As above, connecting with {@code clientProperties} (e.g. SASL credentials). */
    static void awaitReachable(String bootstrapServers, Map<String, String> clientProperties, Duration timeout,
            BooleanSupplier stillRunning) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties p = adminProperties(clientProperties, AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers, "strongroom-embedded-probe");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "1000");
        Exception last = null;
        try (Admin admin = Admin.create(p)) {
            while (true) {
                if (!stillRunning.getAsBoolean()) {
                    throw new IllegalStateException("broker stopped while waiting for it at " + bootstrapServers);
                }
                try {
                    Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000))
                            .nodes().get(2, TimeUnit.SECONDS);
                    if (nodes.stream().anyMatch(n -> n.id() == NODE_ID)) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                if (System.nanoTime() - deadline > 0) {
                    TimeoutException t = new TimeoutException(
                            "broker at " + bootstrapServers + " not reachable within " + timeout);
                    if (last != null) {
                        t.initCause(last);
                    }
                    throw t;
                }
                // No pause needed: describeCluster itself retries with the admin's backoff for up to a second.
            }
        }
    }

    /**
     * An admin client's settings for a node just starting: {@code clientProperties} (e.g. SASL
     * credentials), the address under {@code addressConfig} (servers or controllers), and short
     * reconnect and retry backoffs.
     */
    static Properties adminProperties(Map<String, String> clientProperties, String addressConfig, String address,
            String clientId) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(addressConfig, address);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "20");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "100");
        p.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "20");
        p.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "100");
        return p;
    }

    /** True if {@code text} (log output or exception messages) says the listener on {@code host:port} could not bind. */
    static boolean bindFailedOn(String text, String host, int port) {
        return port != 0 && text.contains("failed to bind to " + host + ":" + port);
    }

    /** The messages of {@code t} and all its causes, one per line. */
    static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null && sb.length() < 100_000; c = c.getCause()) {
            sb.append(c).append('\n');
            if (c.getCause() == c) {
                break;
            }
        }
        return sb.toString();
    }
}
