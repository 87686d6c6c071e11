package io.strongroom.deploy.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.strongroom.coordination.CuratorClients;
import io.strongroom.coordination.PeerRegistry;
import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.query.ReadModel;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import io.strongroom.replicator.Replicator;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A region's replication at the edge: publishes its configured peers into its own ZooKeeper
 * ({@link PeerRegistry}) and runs a replicator instance over them, which stands by unless it holds
 * the region's leader latch. The replicator reads its targets from the registry.
 */
public final class RegionReplication implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegionReplication.class);

    private final String region;
    private final KafkaSettings kafka;
    private final Topics topics;
    private final ReplicationSettings settings;
    private final ReadModel readModel;
    private final EnvelopeCipher cipher;
    /** The replicator's meters, {@code strongroom.replication.lag} per target among them; kept across restarts. */
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private CuratorFramework curator;
    private PeerRegistry registry;
    private Replicator replicator;

    /**
     * @param readModel the region's projection: where the replicator reads versions' wrapped data keys
     * @param cipher the region's master keys, which open those data keys for re-wrapping
     */
    public RegionReplication(String region, KafkaSettings kafka, Topics topics, ReplicationSettings settings,
            ReadModel readModel, EnvelopeCipher cipher) {
        this.region = region;
        this.kafka = kafka;
        this.topics = topics;
        this.settings = settings;
        this.readModel = readModel;
        this.cipher = cipher;
    }

    /** Publishes the peers, and starts a replicator instance if there are peers and it runs in this process. */
    public synchronized RegionReplication start() {
        curator = CuratorClients.start(settings.zookeeper());
        registry = new PeerRegistry(curator, region);
        registry.publish(settings.peers());
        if (settings.runReplicator() && !settings.peers().isEmpty()) {
            startReplicator();
        }
        return this;
    }

    /** Starts this process's replicator instance (again, after {@link #stopReplicator()}). */
    public synchronized void startReplicator() {
        if (replicator != null) {
            return;
        }
        replicator = Replicators.start(region, kafka, topics, settings, readModel, cipher, curator, registry, meters);
        LOG.info("replicator of region {} started towards {}", region, settings.peerNames());
    }

    /** Stops this process's replicator instance; a standby elsewhere takes over. */
    public synchronized void stopReplicator() {
        if (replicator == null) {
            return;
        }
        try {
            replicator.close();
        } catch (Exception e) {
            LOG.warn("stopping the replicator of region {} failed: {}", region, e.toString());
        }
        replicator = null;
    }

    public synchronized boolean runsReplicator() {
        return replicator != null;
    }

    /** This process's replicator instance (active or standing by); null when stopped. */
    public synchronized Replicator replicator() {
        return replicator;
    }

    public MeterRegistry meters() {
        return meters;
    }

    public PeerRegistry registry() {
        return registry;
    }

    @Override
    public synchronized void close() {
        stopReplicator();
        if (curator != null) {
            curator.close();
            curator = null;
        }
    }
}
