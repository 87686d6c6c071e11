package io.strongroom.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single combined KRaft node ({@code process.roles=broker,controller}) running inside this JVM.
 *
 * <p>The log dir is formatted on first start (fresh cluster id) and reused afterwards, so closing
 * and starting again &mdash; this instance or a new one built with the same log dir and ports &mdash;
 * keeps topics and records. Defaults support transactions on one broker.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().logDir(dir).build().start()) {
 *     producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int MAX_START_ATTEMPTS = 3;

    private final Path logDir;
    private final boolean ownsLogDir;
    private final NodePorts ports;
    private final Map<String, String> overrides;
    private final Duration startTimeout;
    private final ScramSecurity security;

    private String clusterId;
    private KafkaRaftServer server;

    private EmbeddedKafka(Builder b) {
        if (b.logDir != null) {
            this.logDir = b.logDir.toAbsolutePath();
            this.ownsLogDir = false;
        } else {
            try {
                this.logDir = Files.createTempDirectory("embedded-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.ownsLogDir = true;
        }
        this.ports = new NodePorts(b.host, b.brokerPort, b.controllerPort);
        Map<String, String> all = new LinkedHashMap<>();
        if (b.security != null) {
            all.putAll(b.security.brokerProperties());
        }
        all.putAll(b.properties);
        this.overrides = Map.copyOf(all);
        this.security = b.security;
        this.startTimeout = b.startTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The configuration defaults applied before {@link Builder#property(String, String)} overrides. */
    public static Map<String, String> defaultProperties() {
        return KraftNode.DEFAULTS;
    }

    /**
     * Formats the log dir if needed, starts the node and blocks until the broker answers client
     * requests. Ports left at 0 are chosen on the first start and kept for later restarts.
     *
     * @return this, for chaining
     */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            throw new IllegalStateException("already started: " + bootstrapServers());
        }
        long t0 = System.nanoTime();
        clusterId = KraftNode.ensureFormatted(logDir,
                security == null ? java.util.List.of() : security.formatArguments());
        if (PreviousIncarnation.leftUncleanly(logDir)) {
            ports.chooseUnset();
            PreviousIncarnation.unregister(ports, logDir, overrides,
                    security == null ? Map.of() : security.controllerClient(), startTimeout);
        }
        for (int attempt = 1; ; attempt++) {
            ports.chooseUnset();
            Properties props = KraftNode.serverProperties(ports, logDir, overrides);
            KafkaRaftServer candidate = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            try {
                candidate.startup();
                KraftNode.awaitReachable(bootstrapServers(), clientProperties(), startTimeout, () -> true);
                server = candidate;
                break;
            } catch (Throwable t) {
                stopQuietly(candidate);
                boolean retry = attempt < MAX_START_ATTEMPTS && ports.chosenPortClashed(KraftNode.messages(t));
                if (!retry) {
                    if (t instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("embedded Kafka failed to start in " + logDir
                            + " on " + ports.host() + ":" + ports.broker() + "/" + ports.controller(), t);
                }
                LOG.warn("Port clash starting embedded Kafka on {}/{}, retrying with other ports",
                        ports.broker(), ports.controller());
                ports.forgetChosen();
            }
        }
        PreviousIncarnation.served(logDir);
        LOG.info("Embedded Kafka up at {} (log dir {}, cluster {}) in {} ms",
                bootstrapServers(), logDir, clusterId, (System.nanoTime() - t0) / 1_000_000);
        return this;
    }

    /** {@code host:port} of the PLAINTEXT listener; valid once started. */
    public String bootstrapServers() {
        return ports.bootstrapServers();
    }

    /**
     * What a client needs besides {@link #bootstrapServers()}: nothing for a plain broker, the super
     * user's SASL settings for one built with {@link Builder#scramSecurity(ScramSecurity)}.
     */
    public Map<String, String> clientProperties() {
        return security == null ? Map.of() : security.superUserClient();
    }

    public Path logDir() {
        return logDir;
    }

    /** The broker (client) port; 0 until the first start if it was left to be chosen. */
    public int brokerPort() {
        return ports.broker();
    }

    /** The controller (KRaft quorum) port; 0 until the first start if it was left to be chosen. */
    public int controllerPort() {
        return ports.controller();
    }

    /** The cluster id found in, or written to, the log dir; null before the first start. */
    public String clusterId() {
        return clusterId;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Shuts the node down cleanly and waits for it. The instance may be started again. A log dir
     * created by the builder (none given) is deleted; a given log dir is kept.
     */
    @Override
    public synchronized void close() {
        if (server != null) {
            long t0 = System.nanoTime();
            KafkaRaftServer s = server;
            server = null;
            s.shutdown();
            s.awaitShutdown();
            LOG.info("Embedded Kafka at {} stopped in {} ms", bootstrapServers(), (System.nanoTime() - t0) / 1_000_000);
        }
        if (ownsLogDir) {
            deleteRecursively(logDir);
        }
    }

    private static void stopQuietly(KafkaRaftServer s) {
        try {
            s.shutdown();
            s.awaitShutdown();
        } catch (Throwable t) {
            LOG.warn("Error stopping a broker that failed to start", t);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete {}", dir, e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + ports + ", " + logDir + "]";
    }

    /** Builder; every option has a default. */
    public static final class Builder {
        private Path logDir;
        private int brokerPort;
        private int controllerPort;
        private String host = "127.0.0.1";
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(60);
        private ScramSecurity security;

        private Builder() {
        }

        /** SASL/SCRAM on the client listener and ACLs enforced (see {@link ScramSecurity}). Default: plaintext, no ACLs. */
        public Builder scramSecurity(ScramSecurity security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        /** Where data lives. Default: a fresh temporary directory, deleted on close. */
        public Builder logDir(Path logDir) {
            this.logDir = Objects.requireNonNull(logDir, "logDir");
            return this;
        }

        /** Client listener port; 0 (default) picks a free one at first start. */
        public Builder brokerPort(int port) {
            this.brokerPort = checkPort(port);
            return this;
        }

        /** Controller listener port; 0 (default) picks a free one at first start. */
        public Builder controllerPort(int port) {
            this.controllerPort = checkPort(port);
            return this;
        }

        /** Host to bind and advertise. Default 127.0.0.1. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Overrides one broker property (applied last, over the defaults). */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Overrides several broker properties. */
        public Builder properties(Map<String, String> props) {
            props.forEach(this::property);
            return this;
        }

        /** How long {@link EmbeddedKafka#start()} may wait for the broker. Default 60 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public EmbeddedKafka build() {
            return new EmbeddedKafka(this);
        }

        static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            return port;
        }
    }
}
