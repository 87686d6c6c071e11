package io.strongroom.systemtests.support;

import io.strongroom.embedded.ChildKill;
import io.strongroom.embedded.FreePorts;
import io.strongroom.embedded.KafkaBrokerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code io.strongroom.deploy.Strongroom <subcommand>} in a child JVM, so that a test can SIGKILL it:
 * {@link #node} (the services against an external Kafka) or {@link #dev} (embedded broker and every
 * service). The gateway port is chosen once and kept across restarts, so clients keep their endpoint.
 * stdout and stderr are appended to {@link #outputFile()} across restarts.
 *
 * <p>The child never outlives this JVM's orderly exit: a shutdown hook kills it.
 */
public final class ServicesProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServicesProcess.class);
    private static final List<String> JVM_ARGS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** The access key of {@link #node} and {@link #dev} children (secret {@link Clients#SECRET_ACCESS_KEY}). */
    public static final String ACCESS_KEY_ID = "AKIASERVICESPROCESS1";

    private final String name;
    private final List<String> arguments;
    private final int port;
    private final Path outputFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Thread reaper;
    private volatile Process process;

    private ServicesProcess(String name, List<String> arguments, int port, Path outputFile) {
        this.name = name;
        this.arguments = List.copyOf(arguments);
        this.port = port;
        this.outputFile = outputFile;
        this.reaper = new Thread(this::killIfAlive, "services-reaper-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** {@code strongroom node}: command-service, projection and gateway against {@code bootstrapServers}. */
    public static ServicesProcess node(Path workDir, String bootstrapServers, int partitions) {
        int port = FreePorts.findFreePort();
        List<String> arguments = new ArrayList<>(List.of("node", "--kafka", bootstrapServers,
                "--data-dir", workDir.resolve("node-data").toString(), "--port", String.valueOf(port),
                "--dev-identities", "--partitions", String.valueOf(partitions)));
        arguments.addAll(TestIdentities.devIdentityOptions(ACCESS_KEY_ID));
        return new ServicesProcess("node", arguments, port, workDir.resolve("node.out.log"));
    }

    /** {@code strongroom dev}: one region in one process; its Kafka log lives under the data dir too. */
    public static ServicesProcess dev(Path workDir, int partitions) {
        int port = FreePorts.findFreePort();
        List<String> arguments = new ArrayList<>(List.of("dev", "--region", "us-east-1",
                "--data-dir", workDir.resolve("dev-data").toString(),
                "--port", String.valueOf(port), "--partitions", String.valueOf(partitions)));
        arguments.addAll(TestIdentities.devIdentityOptions(ACCESS_KEY_ID));
        return new ServicesProcess("dev", arguments, port, workDir.resolve("dev.out.log"));
    }

    /**
     * Any {@code strongroom} subcommand; {@code healthPort} is where it answers {@code GET /health}, or
     * {@link #NO_HEALTH} for a service without an HTTP port (command-service).
     */
    public static ServicesProcess of(Path workDir, String name, List<String> arguments, int healthPort) {
        return new ServicesProcess(name, arguments, healthPort, workDir.resolve(name + ".out.log"));
    }

    public static final int NO_HEALTH = -1;

    /** Launches the child and returns once {@code GET /health} answers 200 (or at once without a health port). */
    public synchronized ServicesProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " already running, pid " + process.pid());
        }
        long started = System.nanoTime();
        Process child = launch();
        process = child;
        if (port == NO_HEALTH) {
            return this;
        }
        try {
            Awaitility.await(name + " healthy on port " + port)
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .failFast(name + " exited during start-up", () -> !child.isAlive())
                    .until(this::healthy);
        } catch (RuntimeException | AssertionError e) {
            killIfAlive();
            throw new IllegalStateException(name + " did not become healthy; " + outputFile + " ends with:\n"
                    + tail(40), e);
        }
        LOG.info("{} pid {} healthy at {} in {} ms", name, child.pid(), endpoint(),
                (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    /** SIGKILL, and wait until the process is gone. */
    public synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        ChildKill.killAndWait(p);
        LOG.info("{} pid {} killed (exit {})", name, p.pid(), p.exitValue());
    }

    /** Kills the child if it runs, then starts it again on the same data directory and port. */
    public synchronized ServicesProcess restart() {
        kill();
        return start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path outputFile() {
        return outputFile;
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The child's output since it was first started. */
    public String output() {
        try {
            return Files.exists(outputFile) ? Files.readString(outputFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the child (the data is the test's to delete) and forgets the shutdown hook. */
    @Override
    public synchronized void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private Process launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_ARGS);
        command.add("-cp");
        command.add(KafkaBrokerProcess.testClasspath());
        command.add("io.strongroom.deploy.Strongroom");
        command.addAll(arguments);
        try {
            Files.createDirectories(outputFile.getParent());
            Files.writeString(outputFile, "==== " + Instant.now() + " starting strongroom " + String.join(" ", arguments)
                    + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + name, e);
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint().resolve("/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void killIfAlive() {
        Process p = process;
        if (p != null && p.isAlive()) {
            ChildKill.killAndWait(p);
        }
    }

    private String tail(int lines) {
        String[] all = output().split("\n");
        return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }
}
