package io.strongroom.coordination;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a service reaches its region's ZooKeeper ensemble. Every Curator client is built from this
 * (through {@link CuratorClients}), so connection, session and authentication settings are decided
 * in one place.
 *
 * @param connectString {@code host:port[,host:port...]} of the region's ensemble
 * @param sessionTimeout how long ZooKeeper keeps a silent client's session (and its ephemeral nodes,
 *     such as a leader latch) alive: the time a standby waits before taking over from a dead leader
 * @param clientConfig a ZooKeeper client properties file (TLS: {@code zookeeper.client.secure},
 *     {@code zookeeper.ssl.*}; SASL: {@code zookeeper.sasl.client}, ...); null for none
 * @param digest {@code user:password} for ZooKeeper's digest authentication; when given, every znode
 *     the client creates is readable and writable by that identity only (CREATOR_ALL_ACL); null for none
 */
public record ZooKeeperSettings(String connectString, Duration sessionTimeout, Path clientConfig, String digest) {
    /** Short enough that a standby takes over within seconds; ZooKeeper servers must allow it (tickTime ≤ 1.5 s). */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(3);

    public ZooKeeperSettings {
        Objects.requireNonNull(connectString, "connectString");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        if (digest != null && digest.indexOf(':') < 1) {
            throw new IllegalArgumentException("ZooKeeper digest credentials must be user:password");
        }
    }

    public ZooKeeperSettings(String connectString, Duration sessionTimeout) {
        this(connectString, sessionTimeout, null, null);
    }

    public static ZooKeeperSettings of(String connectString) {
        return new ZooKeeperSettings(connectString, DEFAULT_SESSION_TIMEOUT);
    }

    public ZooKeeperSettings withClientConfig(Path clientConfig) {
        return new ZooKeeperSettings(connectString, sessionTimeout, clientConfig, digest);
    }

    public ZooKeeperSettings withDigest(String digest) {
        return new ZooKeeperSettings(connectString, sessionTimeout, clientConfig, digest);
    }

    /** Never shows the digest password. */
    @Override
    public String toString() {
        return "ZooKeeperSettings[" + connectString + ", session " + sessionTimeout
                + (clientConfig == null ? "" : ", config " + clientConfig)
                + (digest == null ? "" : ", digest user " + digest.substring(0, digest.indexOf(':'))) + "]";
    }
}
