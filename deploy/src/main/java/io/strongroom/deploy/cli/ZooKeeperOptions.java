package io.strongroom.deploy.cli;

import io.strongroom.coordination.ZooKeeperSettings;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a service finds its region's ZooKeeper ensemble (the scheduler's leader latch). */
final class ZooKeeperOptions {
    @Option(names = "--zookeeper", description = "connect string of the region's ZooKeeper ensemble, e.g. zk1:2181,zk2:2181")
    String connectString;

    @Option(names = "--zookeeper-session-timeout-ms", defaultValue = "3000",
            description = "ZooKeeper session timeout: how soon a standby takes over from a dead leader (default: ${DEFAULT-VALUE})")
    long sessionTimeoutMs;

    /** Empty when no {@code --zookeeper} was given. */
    Optional<ZooKeeperSettings> settings() {
        return Optional.ofNullable(connectString)
                .map(connect -> new ZooKeeperSettings(connect, Duration.ofMillis(sessionTimeoutMs)));
    }
}
