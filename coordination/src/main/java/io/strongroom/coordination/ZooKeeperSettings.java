package io.strongroom.coordination;

import java.time.Duration;
import java.util.Objects;

/**
 * How a service reaches its region's ZooKeeper ensemble. Every Curator client is built from this
 * (through {@link CuratorClients}), so connection, session and, later, authentication settings are
 * decided in one place.
 *
 * @param connectString {@code host:port[,host:port...]} of the region's ensemble
 * @param sessionTimeout how long ZooKeeper keeps a silent client's session (and its ephemeral nodes,
 *     such as a leader latch) alive: the time a standby waits before taking over from a dead leader
 */
public record ZooKeeperSettings(String connectString, Duration sessionTimeout) {
    /** Short enough that a standby takes over within seconds; ZooKeeper servers must allow it (tickTime ≤ 1.5 s). */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(3);

    public ZooKeeperSettings {
        Objects.requireNonNull(connectString, "connectString");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
    }

    public static ZooKeeperSettings of(String connectString) {
        return new ZooKeeperSettings(connectString, DEFAULT_SESSION_TIMEOUT);
    }
}
