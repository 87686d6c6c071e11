package io.strongroom.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone ZooKeeper server inside this JVM (ZooKeeper's own {@link ZooKeeperServerEmbedded}),
 * bound to 127.0.0.1 on a free port chosen at each start, its data under a directory of the caller's,
 * so a restart keeps it. The tick is short (500 ms) so clients may use sessions of a few seconds.
 * A failure never exits the JVM: it is logged and the start fails.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZooKeeper.class);
    private static final long START_TIMEOUT_MS = 30_000;

    private final Path baseDir;
    private ZooKeeperServerEmbedded server;
    private String connectString;

    public EmbeddedZooKeeper(Path baseDir) {
        this.baseDir = baseDir.toAbsolutePath();
    }

    public synchronized EmbeddedZooKeeper start() {
        int port = FreePorts.findFreePort();
        Properties config = new Properties();
        config.setProperty("clientPort", String.valueOf(port));
        config.setProperty("clientPortAddress", "127.0.0.1");
        config.setProperty("dataDir", baseDir.resolve("data").toString());
        config.setProperty("tickTime", "500");
        config.setProperty("minSessionTimeout", "1000");
        config.setProperty("admin.enableServer", "false");
        try {
            Files.createDirectories(baseDir);
            server = ZooKeeperServerEmbedded.builder()
                    .baseDir(baseDir)
                    .configuration(config)
                    .exitHandler(ExitHandler.LOG_ONLY)
                    .build();
            server.start(START_TIMEOUT_MS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("embedded ZooKeeper did not start under " + baseDir + ": " + e, e);
        }
        connectString = "127.0.0.1:" + port;
        LOG.info("embedded ZooKeeper up at {} (data {})", connectString, baseDir);
        return this;
    }

    /** {@code 127.0.0.1:<port>} of the running server. */
    public synchronized String connectString() {
        if (connectString == null) {
            throw new IllegalStateException("embedded ZooKeeper is not running");
        }
        return connectString;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
            LOG.info("embedded ZooKeeper at {} stopped", connectString);
        }
        connectString = null;
    }
}
