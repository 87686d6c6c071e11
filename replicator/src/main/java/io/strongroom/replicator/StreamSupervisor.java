package io.strongroom.replicator;

import io.strongroom.core.replication.PeerRegion;
import io.strongroom.replicator.kafka.OwnCommands;
import io.strongroom.replicator.stream.TargetStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicator's control thread: while this instance leads, one {@link TargetStream} runs per peer
 * region the configuration names (a peer whose settings changed gets a fresh stream); while it stands
 * by, none. Checks every {@code peerRefresh} and on every leadership change.
 */
final class StreamSupervisor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSupervisor.class);

    private final ReplicatorConfig config;
    private final BooleanSupplier leader;
    private final OwnCommands own;
    private final Map<String, Running> streams = new HashMap<>();
    private volatile boolean running = true;
    private volatile Thread thread;

    private record Running(TargetStream stream, Thread thread) {}

    StreamSupervisor(ReplicatorConfig config, BooleanSupplier leader, OwnCommands own) {
        this.config = config;
        this.leader = leader;
        this.own = own;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            while (running) {
                try {
                    reconcile(leader.getAsBoolean() ? wanted() : Map.of());
                } catch (RuntimeException e) {
                    LOG.warn("replicator {}: cannot read the peer regions: {}", config.instanceId(), e.toString());
                }
                LockSupport.parkNanos(config.peerRefresh().toNanos());
            }
        } finally {
            reconcile(Map.of());
        }
    }

    /** Wakes the thread up to look at leadership now. */
    void nudge() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    void stop() {
        running = false;
        nudge();
    }

    synchronized Map<String, TargetStream> streams() {
        Map<String, TargetStream> view = new HashMap<>();
        streams.forEach((name, r) -> view.put(name, r.stream()));
        return view;
    }

    private Map<String, PeerRegion> wanted() {
        Map<String, PeerRegion> peers = new HashMap<>();
        List<PeerRegion> configured = config.peers().get();
        for (PeerRegion peer : configured == null ? List.<PeerRegion>of() : configured) {
            if (!peer.name().equals(config.region())) {
                peers.put(peer.name(), peer);
            }
        }
        return peers;
    }

    private synchronized void reconcile(Map<String, PeerRegion> wanted) {
        for (String name : List.copyOf(streams.keySet())) {
            PeerRegion peer = wanted.get(name);
            if (peer == null || !peer.equals(streams.get(name).stream().target())) {
                stopStream(name);
            }
        }
        wanted.forEach((name, peer) -> {
            if (!streams.containsKey(name)) {
                TargetStream stream = new TargetStream(config, peer, own);
                Thread t = new Thread(stream, "replicator-" + config.region() + "-to-" + name);
                t.start();
                streams.put(name, new Running(stream, t));
                LOG.info("replicator {}: replicating {} -> {}", config.instanceId(), config.region(), name);
            }
        });
    }

    private void stopStream(String name) {
        Running r = streams.remove(name);
        r.stream().stop();
        try {
            r.thread().join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("replicator {}: stopped replicating {} -> {}", config.instanceId(), config.region(), name);
    }
}
