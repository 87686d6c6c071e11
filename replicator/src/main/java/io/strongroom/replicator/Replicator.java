package io.strongroom.replicator;

import io.strongroom.replicator.kafka.OwnCommands;
import io.strongroom.replicator.stream.TargetHealth;
import io.strongroom.replicator.stream.TargetStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import io.strongroom.coordination.CuratorClients;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The region's replicator: carries each replicated secret's changes to the peer regions (DESIGN,
 * "Regions and replication"). Run several instances per region; the one holding the Curator
 * {@link LeaderLatch} at {@code /strongroom/<region>/replicator/leader} runs one stream per peer, the
 * others stand by and take over when the leader's ZooKeeper session ends (at once on a clean close,
 * after the session timeout on a crash). The latch only saves work: a command sent twice is ignored
 * by the target by sequence number.
 *
 * <pre>{@code
 * try (Replicator replicator = new Replicator(ReplicatorConfig.builder()
 *         .region("us-east-1").kafka(kafka).topics(topics).peers(registry::peers)
 *         .readModel(projection.readModel()).cipher(cipher).zookeeper(zooKeeperSettings).build()).start()) { ... }
 * }</pre>
 */
public final class Replicator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Replicator.class);

    private final ReplicatorConfig config;
    private final CuratorFramework curator;
    private final boolean ownsCurator;
    private LeaderLatch latch;
    private OwnCommands own;
    private StreamSupervisor supervisor;
    private Thread thread;

    public Replicator(ReplicatorConfig config) {
        this.config = config;
        this.ownsCurator = config.curator() == null;
        this.curator = ownsCurator ? CuratorClients.newClient(config.zookeeper()) : config.curator();
    }

    /** Joins the leader latch and starts the control thread; returns at once (streams start on leadership). */
    public synchronized Replicator start() {
        if (thread != null) {
            throw new IllegalStateException("replicator " + config.instanceId() + " already started");
        }
        if (ownsCurator) {
            curator.start();
        }
        own = new OwnCommands(config.kafka(), config.topics().commands(), config.instanceId() + "-own-commands");
        latch = new LeaderLatch(curator, config.leaderPath(), config.instanceId());
        supervisor = new StreamSupervisor(config, this::isLeader, own);
        latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                LOG.info("replicator {} is the region's active replicator", config.instanceId());
                supervisor.nudge();
            }

            @Override
            public void notLeader() {
                LOG.info("replicator {} is standing by", config.instanceId());
                supervisor.nudge();
            }
        });
        try {
            latch.start();
        } catch (Exception e) {
            own.close();
            if (ownsCurator) {
                curator.close();
            }
            throw new IllegalStateException("cannot join the replicator's leader latch", e);
        }
        thread = new Thread(supervisor, "replicator-" + config.instanceId());
        thread.start();
        LOG.info("replicator {} started for region {}", config.instanceId(), config.region());
        return this;
    }

    /** Holds the latch over a live ZooKeeper connection. */
    public boolean isLeader() {
        return latch != null && latch.hasLeadership() && curator.getZookeeperClient().isConnected();
    }

    /** Each running stream's view of its target (empty while standing by). */
    public Map<String, TargetHealth.State> targets() {
        Map<String, TargetHealth.State> states = new HashMap<>();
        if (supervisor != null) {
            supervisor.streams().forEach((name, stream) -> states.put(name, stream.state()));
        }
        return states;
    }

    public String instanceId() {
        return config.instanceId();
    }

    /** Stops the streams, leaves the latch (a standby takes over at once) and closes its producer. */
    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        supervisor.stop();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (curator.getState() == CuratorFrameworkState.STARTED) {
                latch.close();
            }
        } catch (IOException | IllegalStateException e) {
            LOG.warn("replicator {}: closing the leader latch failed: {}", config.instanceId(), e.toString());
        }
        own.close();
        if (ownsCurator) {
            curator.close();
        }
        thread = null;
        LOG.info("replicator {} stopped", config.instanceId());
    }
}
