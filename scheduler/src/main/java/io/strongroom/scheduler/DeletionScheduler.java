package io.strongroom.scheduler;

import io.strongroom.coordination.CuratorClients;
import io.strongroom.scheduler.checkpoint.Checkpoint;
import io.strongroom.scheduler.checkpoint.CheckpointFile;
import io.strongroom.scheduler.index.ScheduledDeletions;
import io.strongroom.scheduler.kafka.CommandProducer;
import io.strongroom.scheduler.kafka.EventTail;
import java.io.IOException;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The region's deletion scheduler: purges each secret when its recovery window ends. Run several
 * instances; the one holding the region's Curator {@link LeaderLatch} sends the purges, and a
 * standby takes over when the leader's ZooKeeper session ends (at once on a clean stop, after the
 * session timeout on a crash). The latch only saves work: a duplicated purge is rejected by
 * command-service with no effect.
 */
public final class DeletionScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeletionScheduler.class);

    private final SchedulerConfig config;
    private final CuratorFramework client;
    private final boolean ownsClient;
    private LeaderLatch latch;
    private SchedulerLoop loop;
    private Thread thread;

    /** A scheduler with a ZooKeeper client of its own, built from the config's settings. */
    public DeletionScheduler(SchedulerConfig config) {
        this(config, CuratorClients.newClient(config.zookeeper()), true);
    }

    /** A scheduler on a caller's client, which the caller starts and closes. */
    public DeletionScheduler(SchedulerConfig config, CuratorFramework client) {
        this(config, client, false);
    }

    private DeletionScheduler(SchedulerConfig config, CuratorFramework client, boolean ownsClient) {
        this.config = config;
        this.client = client;
        this.ownsClient = ownsClient;
    }

    public synchronized DeletionScheduler start() {
        if (ownsClient) {
            client.start();
        }
        CheckpointFile checkpoints = config.stateDir() == null ? null : new CheckpointFile(config.stateDir());
        Optional<Checkpoint> saved = checkpoints == null ? Optional.empty() : checkpoints.read()
                .filter(c -> c.topic().equals(config.topics().events()));
        EventTail tail;
        try {
            tail = new EventTail(config.kafka(), config.topics().events(), config.instanceId() + "-events",
                    saved.map(c -> new EventTail.Resume(c.topicId(), c.positions())).orElse(EventTail.Resume.NONE));
        } catch (RuntimeException e) {
            if (ownsClient) {
                client.close();
            }
            throw e;
        }
        CommandProducer commands = new CommandProducer(config.kafka(), config.topics().commands(),
                config.instanceId() + "-commands");
        latch = new LeaderLatch(client, config.leaderPath(), config.instanceId());
        latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                LOG.info("scheduler {} is the region's active deletion scheduler", config.instanceId());
            }

            @Override
            public void notLeader() {
                LOG.info("scheduler {} is standing by", config.instanceId());
            }
        });
        try {
            latch.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot join the scheduler's leader latch", e);
        }
        ScheduledDeletions index;
        if (tail.resumeRefused() == null) {
            index = new ScheduledDeletions(saved.orElseThrow().index());
            LOG.info("scheduler {} reads the events log on from its checkpoint {} ({} deletions scheduled)",
                    config.instanceId(), checkpoints.path(), index.size());
        } else {
            index = new ScheduledDeletions();
            LOG.info("scheduler {} reads the events log from the start: {}", config.instanceId(), tail.resumeRefused());
        }
        loop = new SchedulerLoop(config, tail, index, checkpoints, commands, this::isLeader);
        thread = new Thread(loop, "deletion-scheduler-" + config.instanceId());
        thread.start();
        LOG.info("scheduler {} started for region {} (tick {})", config.instanceId(), config.region(), config.tick());
        return this;
    }

    /** Holds the latch over a live ZooKeeper connection (a closed client may not have told its latch yet). */
    public boolean isLeader() {
        return latch != null && latch.hasLeadership() && client.getZookeeperClient().isConnected();
    }

    public String instanceId() {
        return config.instanceId();
    }

    /** Records of the events topic this instance has read since it started (a checkpoint saves re-reading). */
    public long recordsRead() {
        return loop == null ? 0 : loop.recordsRead();
    }

    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        loop.stop();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (client.getState() == CuratorFrameworkState.STARTED) {
                latch.close();
            }
        } catch (IOException | IllegalStateException e) {
            LOG.warn("scheduler {}: closing the leader latch failed: {}", config.instanceId(), e.toString());
        }
        if (ownsClient) {
            client.close();
        }
        thread = null;
        LOG.info("scheduler {} stopped", config.instanceId());
    }

    @Override
    public void close() {
        stop();
    }
}
