package io.strongroom.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same single combined KRaft node as {@link EmbeddedKafka}, run as a child JVM
 * ({@code java -cp <classpath> kafka.Kafka <server.properties>}) so that tests can crash it.
 *
 * <p>Files: the data is in {@code logDir}; next to it (in its parent) are
 * {@code <logDir name>.server.properties}, {@code <logDir name>.log4j2.xml} and
 * {@code <logDir name>.out.log}, which collects the child's stdout and stderr (appended across
 * restarts).
 *
 * <p>The child never outlives this JVM's orderly exit: a shutdown hook kills it. (A SIGKILL of
 * this JVM cannot run hooks; then the child lives on until killed.)
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    /** System property naming the file written by {@code dependency:build-classpath}. */
    public static final String CLASSPATH_FILE_PROPERTY = "strongroom.test.classpath.file";

    /**
     * The child's default JVM options. C1-only compilation and the serial collector roughly halve
     * the child's start-up on a small machine at the cost of peak throughput: pass
     * {@link Builder#jvmArgs(List)} for benchmarks.
     */
    public static final List<String> DEFAULT_JVM_ARGS = List.of(
            "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerProcess.class);
    private static final int MAX_START_ATTEMPTS = 3;

    private final Path logDir;
    private final NodePorts ports;
    private final String classpath;
    private final List<String> jvmArgs;
    private final Map<String, String> overrides;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final Path propertiesFile;
    private final Path log4jFile;
    private final Path outputFile;

    private String clusterId;
    private volatile Process process;
    private Thread shutdownHook;

    private KafkaBrokerProcess(Builder b) {
        this.logDir = b.logDir.toAbsolutePath();
        Path parent = logDir.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("log dir needs a parent directory: " + logDir);
        }
        String name = logDir.getFileName().toString();
        this.propertiesFile = parent.resolve(name + ".server.properties");
        this.log4jFile = parent.resolve(name + ".log4j2.xml");
        this.outputFile = parent.resolve(name + ".out.log");
        this.ports = new NodePorts(b.host, b.brokerPort, b.controllerPort);
        this.classpath = b.classpath != null ? b.classpath : testClasspath();
        this.jvmArgs = List.copyOf(b.jvmArgs);
        this.overrides = Map.copyOf(b.properties);
        this.startTimeout = b.startTimeout;
        this.stopTimeout = b.stopTimeout;
    }

    /** A builder; {@link Builder#logDir(Path)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The test classpath for the child JVM: the contents of the file named by the system property
     * {@value #CLASSPATH_FILE_PROPERTY} (surefire sets it; the file is written by
     * {@code maven-dependency-plugin:build-classpath}), else {@code java.class.path} (IDE runs).
     */
    public static String testClasspath() {
        String file = System.getProperty(CLASSPATH_FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            return System.getProperty("java.class.path");
        }
        Path path = Paths.get(file);
        try {
            String cp = Files.readString(path, StandardCharsets.UTF_8).trim();
            if (cp.isEmpty()) {
                throw new IllegalStateException("empty classpath file " + path);
            }
            return cp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath file " + path + " (system property "
                    + CLASSPATH_FILE_PROPERTY + "); is maven-dependency-plugin:build-classpath configured?", e);
        }
    }

    /**
     * Formats the log dir if needed, launches the child JVM and blocks until the broker answers
     * client requests. Ports left at 0 are chosen on the first start and kept afterwards.
     *
     * @return this, for chaining
     */
    public synchronized KafkaBrokerProcess start() {
        if (isAlive()) {
            throw new IllegalStateException("already running: " + bootstrapServers());
        }
        long t0 = System.nanoTime();
        clusterId = KraftNode.ensureFormatted(logDir);
        registerShutdownHook();
        if (PreviousIncarnation.leftUncleanly(logDir)) {
            PreviousIncarnation.unregister(ports, logDir, overrides, Map.of(), startTimeout);
        }
        for (int attempt = 1; ; attempt++) {
            ports.chooseUnset();
            long logMark = sizeOf(outputFile);
            launch();
            Process p = process;
            try {
                KraftNode.awaitReachable(bootstrapServers(), startTimeout, p::isAlive);
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                killQuietly();
                throw new IllegalStateException("interrupted while starting " + this, e);
            } catch (TimeoutException | RuntimeException e) {
                killQuietly();
                String tail = tail(outputFile, logMark);
                if (attempt < MAX_START_ATTEMPTS && ports.chosenPortClashed(tail)) {
                    LOG.warn("Port clash starting Kafka child on {}/{}, retrying with other ports",
                            ports.broker(), ports.controller());
                    ports.forgetChosen();
                    continue;
                }
                throw new IllegalStateException("Kafka child failed to start: " + this
                        + "; output (" + outputFile + ") ends with:\n" + lastLines(tail, 40), e);
            }
        }
        PreviousIncarnation.served(logDir);
        LOG.info("Kafka child pid {} up at {} (log dir {}, cluster {}) in {} ms", process.pid(),
                bootstrapServers(), logDir, clusterId, (System.nanoTime() - t0) / 1_000_000);
        return this;
    }

    /** SIGKILL: the child dies at once, without flushing or a controlled shutdown. Waits for it to be gone. */
    public synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        ChildKill.killAndWait(p);
        LOG.info("Kafka child pid {} killed (exit {})", p.pid(), p.exitValue());
    }

    /** Stops the child if it still runs (SIGTERM, then SIGKILL), then starts it again on the same log dir and ports. */
    public synchronized KafkaBrokerProcess restart() {
        stop();
        return start();
    }

    /**
     * Orderly stop: SIGTERM, and SIGKILL if it has not exited within the stop timeout. The
     * instance may be started again.
     */
    public synchronized void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        long t0 = System.nanoTime();
        p.destroy();
        boolean exited;
        try {
            exited = p.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) {
            LOG.warn("Kafka child pid {} ignored SIGTERM for {}; killing it", p.pid(), stopTimeout);
            ChildKill.killAndWait(p);
        }
        LOG.info("Kafka child pid {} stopped (exit {}) in {} ms", p.pid(), p.exitValue(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** {@link #stop()} and forget the shutdown hook. */
    @Override
    public synchronized void close() {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway; the child is already gone
            }
            shutdownHook = null;
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The child's pid, or -1 if it was never started. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** {@code host:port} of the PLAINTEXT listener; valid once started. */
    public String bootstrapServers() {
        return ports.bootstrapServers();
    }

    public Path logDir() {
        return logDir;
    }

    /** The file collecting the child's stdout and stderr. */
    public Path outputFile() {
        return outputFile;
    }

    public int brokerPort() {
        return ports.broker();
    }

    public int controllerPort() {
        return ports.controller();
    }

    /** The cluster id found in, or written to, the log dir; null before the first start. */
    public String clusterId() {
        return clusterId;
    }

    @Override
    public String toString() {
        return "KafkaBrokerProcess[" + ports + ", " + logDir + (process == null ? "" : ", pid " + process.pid()) + "]";
    }

    private void launch() {
        try {
            Properties props = KraftNode.serverProperties(ports, logDir, overrides);
            try (OutputStream out = Files.newOutputStream(propertiesFile)) {
                props.store(out, "written by " + KafkaBrokerProcess.class.getName());
            }
            if (!Files.exists(log4jFile)) {
                Files.writeString(log4jFile, LOG4J2_XML, StandardCharsets.UTF_8);
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmArgs);
            cmd.add("-Dlog4j2.configurationFile=" + log4jFile.toUri());
            cmd.add("-cp");
            cmd.add(classpath);
            cmd.add("kafka.Kafka");
            cmd.add(propertiesFile.toString());
            Files.writeString(outputFile, "==== " + java.time.Instant.now() + " starting kafka.Kafka "
                            + propertiesFile + " (ports " + ports.broker() + "/" + ports.controller() + ")\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile.toFile()))
                    .start();
            LOG.debug("Launched Kafka child pid {}: {}", process.pid(), propertiesFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch Kafka child for " + logDir, e);
        }
    }

    private void registerShutdownHook() {
        if (shutdownHook != null) {
            return;
        }
        shutdownHook = new Thread(() -> {
            Process p = process;
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }, "kafka-child-reaper-" + logDir.getFileName());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void killQuietly() {
        Process p = process;
        if (p != null && p.isAlive()) {
            ChildKill.killAndWait(p);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** What was appended to {@code file} after byte {@code from} (at most the last 64 KiB). */
    private static String tail(Path file, long from) {
        try {
            byte[] all = Files.readAllBytes(file);
            int start = (int) Math.max(Math.min(from, all.length), all.length - 65536L);
            return new String(all, start, all.length - start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - n);
        return String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
    }

    private static final String LOG4J2_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Configuration status="WARN">
              <Appenders>
                <Console name="out" target="SYSTEM_OUT">
                  <PatternLayout pattern="[%d{ISO8601}] %-5p [%t] %c{1}: %m%n"/>
                </Console>
              </Appenders>
              <Loggers>
                <Logger name="org.apache.kafka.common.config" level="WARN"/>
                <Logger name="kafka.server.KafkaConfig" level="WARN"/>
                <Logger name="state.change.logger" level="WARN"/>
                <Root level="INFO"><AppenderRef ref="out"/></Root>
              </Loggers>
            </Configuration>
            """;

    /** Builder; only {@link #logDir(Path)} is required. */
    public static final class Builder {
        private Path logDir;
        private int brokerPort;
        private int controllerPort;
        private String host = "127.0.0.1";
        private String classpath;
        private final List<String> jvmArgs = new ArrayList<>(DEFAULT_JVM_ARGS);
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(60);
        private Duration stopTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** Where data lives (required). Its parent receives the properties, log4j2 and output files. */
        public Builder logDir(Path logDir) {
            this.logDir = Objects.requireNonNull(logDir, "logDir");
            return this;
        }

        /** Client listener port; 0 (default) picks a free one at first start. */
        public Builder brokerPort(int port) {
            this.brokerPort = EmbeddedKafka.Builder.checkPort(port);
            return this;
        }

        /** Controller listener port; 0 (default) picks a free one at first start. */
        public Builder controllerPort(int port) {
            this.controllerPort = EmbeddedKafka.Builder.checkPort(port);
            return this;
        }

        /** Host to bind and advertise. Default 127.0.0.1. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The child's classpath (must hold kafka.Kafka). Default {@link KafkaBrokerProcess#testClasspath()}. */
        public Builder classpath(String classpath) {
            this.classpath = Objects.requireNonNull(classpath, "classpath");
            return this;
        }

        /** Replaces the child's JVM options (default {@link KafkaBrokerProcess#DEFAULT_JVM_ARGS}). */
        public Builder jvmArgs(List<String> args) {
            jvmArgs.clear();
            jvmArgs.addAll(args);
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

        /** How long {@link KafkaBrokerProcess#start()} may wait for the broker. Default 60 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long {@link KafkaBrokerProcess#stop()} waits after SIGTERM before SIGKILL. Default 30 s. */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public KafkaBrokerProcess build() {
            if (logDir == null) {
                throw new IllegalStateException("logDir is required");
            }
            return new KafkaBrokerProcess(this);
        }
    }
}
