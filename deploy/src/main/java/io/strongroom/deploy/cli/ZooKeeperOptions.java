package io.strongroom.deploy.cli;

import io.strongroom.coordination.ZooKeeperSettings;
import io.strongroom.deploy.security.PlaintextGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Where a service finds its region's ZooKeeper ensemble (the scheduler's leader latch), and how it
 * authenticates: a ZooKeeper client properties file (TLS, SASL) and digest credentials read from a
 * file, so no password appears on a command line.
 */
final class ZooKeeperOptions {
    @Option(names = "--zookeeper", description = "connect string of the region's ZooKeeper ensemble, e.g. zk1:2181,zk2:2181")
    String connectString;

    @Option(names = "--zookeeper-session-timeout-ms", defaultValue = "3000",
            description = "ZooKeeper session timeout: how soon a standby takes over from a dead leader (default: ${DEFAULT-VALUE})")
    long sessionTimeoutMs;

    @Option(names = "--zookeeper-config", description = "ZooKeeper client properties (zookeeper.client.secure, "
            + "zookeeper.ssl.*, zookeeper.sasl.*); see deploy/config/production/zookeeper-security.properties")
    Path clientConfig;

    @Option(names = "--zookeeper-digest-file", description = "file holding user:password for ZooKeeper digest "
            + "authentication; znodes are then created readable and writable by that user only")
    Path digestFile;

    /**
     * Empty when no {@code --zookeeper} was given. Refused (see {@link PlaintextGuard}) when it would
     * reach ZooKeeper in plaintext off loopback without {@code insecure}.
     */
    Optional<ZooKeeperSettings> settings(boolean insecure) {
        if (connectString == null) {
            return Optional.empty();
        }
        PlaintextGuard.checkZooKeeper(connectString, secureClient(), insecure);
        ZooKeeperSettings settings = new ZooKeeperSettings(connectString, Duration.ofMillis(sessionTimeoutMs))
                .withClientConfig(clientConfig);
        return Optional.of(digestFile == null ? settings : settings.withDigest(digest()));
    }

    private boolean secureClient() {
        if (clientConfig == null) {
            return false;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(clientConfig)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ZooKeeper client config " + clientConfig, e);
        }
        return Boolean.parseBoolean(properties.getProperty("zookeeper.client.secure", "false"));
    }

    private String digest() {
        try {
            return Files.readString(digestFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ZooKeeper digest file " + digestFile, e);
        }
    }
}
