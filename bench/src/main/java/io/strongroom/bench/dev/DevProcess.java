package io.strongroom.bench.dev;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code strongroom dev} in a child JVM on a free 127.0.0.1 port and a data directory of its own, for
 * {@code strongroom bench --dev}: started from this JVM's own class path, stopped (and its whole process
 * tree with it) on {@link #close()} or, on Ctrl-C, by a shutdown hook. Its output goes to
 * {@code <data-dir>/../dev.log}.
 */
public final class DevProcess implements AutoCloseable {
    /** The region the dev cluster serves on its port (and the primary of replication-lag). */
    static final String PRIMARY_REGION = "us-east-1";
    private static final Logger LOG = LoggerFactory.getLogger(DevProcess.class);
    static final String LAUNCHER = "io.strongroom.deploy.Strongroom";
    private static final Pattern KAFKA = Pattern.compile("--kafka (\\S+)");
    /** How much of its log a failed start quotes. */
    private static final int FAILED_START_LINES = 40;

    private final Path dataDir;
    private final List<String> jvmOptions;
    private final int port;
    private final Path ownedDirectory;
    private final boolean replicated;
    private final Thread shutdownHook = new Thread(this::close, "bench-dev-stop");
    private Process process;

    /** A dev cluster on {@code dataDir}, which stays. */
    public DevProcess(Path dataDir, List<String> jvmOptions) {
        this(dataDir, jvmOptions, null, false);
    }

    /** A dev cluster in a fresh temporary directory, deleted on {@link #close()} (or Ctrl-C). */
    public static DevProcess inTempDirectory(List<String> jvmOptions, boolean replicated) {
        try {
            Path dir = Files.createTempDirectory("strongroom-bench");
            return new DevProcess(dir.resolve("data"), jvmOptions, dir, replicated);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    private DevProcess(Path dataDir, List<String> jvmOptions, Path ownedDirectory, boolean replicated) {
        this.ownedDirectory = ownedDirectory;
        this.replicated = replicated;
        this.dataDir = dataDir;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = freePort();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the child JVM (on the same data directory each time) and waits until it serves. */
    public Duration start(Duration timeout) {
        long started = System.nanoTime();
        Process child = launch();
        // Not holding the lock while waiting: Ctrl-C's hook must be able to stop a child that is starting.
        try {
            HealthWait.until(endpoint(), child, timeout);
            if (replicated) {
                HealthWait.until(replicaEndpoint(), child, timeout);
            }
        } catch (IllegalStateException e) {
            throw failedStart(e);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * A start that failed names a log that outlives {@link #close()} (a temporary directory's is copied out
     * of it) and quotes its last lines, so a failure seen only in a test report can still be diagnosed.
     */
    private IllegalStateException failedStart(IllegalStateException cause) {
        Path kept = log();
        List<String> lines = List.of();
        try {
            lines = Files.readAllLines(log());
            if (ownedDirectory != null) {
                kept = Files.copy(log(), Files.createTempFile("strongroom-bench-dev-failed-", ".log"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("could not keep the dev cluster's log {}: {}", log(), e.toString());
        }
        List<String> last = lines.subList(Math.max(0, lines.size() - FAILED_START_LINES), lines.size());
        return new IllegalStateException(cause.getMessage() + "; see " + kept + ", which ends:\n"
                + String.join("\n", last), cause);
    }

    private synchronized Process launch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("dev cluster already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LAUNCHER, "dev",
                "--port", Integer.toString(port), "--data-dir", dataDir.toString(),
                replicated ? "--regions" : "--region", replicated ? PRIMARY_REGION + ",eu-west-1" : PRIMARY_REGION));
        try {
            Files.createDirectories(dataDir);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the dev cluster: " + e.getMessage(), e);
        }
        return process;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Whether the second region (the replica, on port + 1) runs. */
    public boolean replicated() {
        return replicated;
    }

    /** The second region's endpoint: {@code strongroom dev} serves region i on port + i. */
    public URI replicaEndpoint() {
        return URI.create("http://127.0.0.1:" + (port + 1));
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where the first region keeps its data: {@code strongroom dev} keeps each region under {@code <data-dir>/<region>}. */
    public Path primaryRegionDataDir() {
        return dataDir.resolve(PRIMARY_REGION);
    }

    public Path log() {
        return dataDir.toAbsolutePath().getParent().resolve("dev.log");
    }

    /** The embedded Kafka's bootstrap servers, as the dev cluster printed them at its latest start. */
    public Optional<String> kafkaBootstrap() {
        return lastLogMatch(KAFKA).map(m -> m.group(1));
    }

    /** The last match of {@code pattern} in the dev cluster's log (so: of its latest start), if any. */
    public Optional<MatchResult> lastLogMatch(Pattern pattern) {
        try {
            MatchResult last = null;
            for (String line : Files.readAllLines(log())) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    last = m.toMatchResult();
                }
            }
            return Optional.ofNullable(last);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public synchronized long pid() {
        return process.pid();
    }

    /** Stops the child (SIGTERM, then SIGKILL after 30 s) and everything it started. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    /** Stops the child; deletes the directory when it is a temporary one of this process. */
    @Override
    public synchronized void close() {
        stop();
        if (ownedDirectory != null && Files.exists(ownedDirectory)) {
            try {
                deleteTree(ownedDirectory);
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", ownedDirectory, e.toString());
            }
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException alreadyRunningOrRemoved) {
                // The JVM is shutting down (the hook stops the child) or close() ran before.
            }
        }
    }

    /** Deletes a directory and everything under it. */
    public static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e.getMessage(), e);
        }
    }
}
