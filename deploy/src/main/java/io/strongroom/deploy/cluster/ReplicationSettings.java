package io.strongroom.deploy.cluster;

import io.strongroom.coordination.ZooKeeperSettings;
import io.strongroom.core.replication.PeerRegion;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A region's part in replication, beside its services: the peer regions it knows (from the peers
 * file; empty: it replicates nowhere, but still accepts replicas) and its own ZooKeeper, where the
 * peers are published and the replicator's leader latch lives.
 *
 * @param ackTimeout how long a target may leave a command unanswered before its status turns Failed
 * @param runReplicator false for a region whose replicator runs in another process
 */
public record ReplicationSettings(List<PeerRegion> peers, ZooKeeperSettings zookeeper, Duration ackTimeout,
        boolean runReplicator) {
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(10);

    public ReplicationSettings {
        peers = List.copyOf(peers);
        Objects.requireNonNull(zookeeper, "zookeeper");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
    }

    public static ReplicationSettings of(List<PeerRegion> peers, ZooKeeperSettings zookeeper) {
        return new ReplicationSettings(peers, zookeeper, DEFAULT_ACK_TIMEOUT, true);
    }

    public ReplicationSettings withAckTimeout(Duration timeout) {
        return new ReplicationSettings(peers, zookeeper, timeout, runReplicator);
    }

    public ReplicationSettings withoutReplicator() {
        return new ReplicationSettings(peers, zookeeper, ackTimeout, false);
    }

    public List<String> peerNames() {
        return peers.stream().map(PeerRegion::name).toList();
    }
}
