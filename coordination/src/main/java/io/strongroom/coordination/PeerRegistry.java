package io.strongroom.coordination;

import io.strongroom.core.codec.Json;
import io.strongroom.core.replication.PeerRegion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The region's peer regions in its own ZooKeeper: one persistent znode per peer,
 * {@code /strongroom/<region>/peers/<name>}, holding the {@link PeerRegion} as JSON. Services publish
 * the peers file at start (the file is the truth: {@link #publish} also removes peers it no longer
 * names); the replicator reads and watches them for its targets. Only names are logged: a peer's
 * Kafka properties may hold credentials.
 */
public final class PeerRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PeerRegistry.class);

    private final CuratorFramework client;
    private final String path;

    /** @param client a started client of the region's own ZooKeeper */
    public PeerRegistry(CuratorFramework client, String region) {
        this.client = client;
        this.path = "/strongroom/" + region + "/peers";
    }

    public String path() {
        return path;
    }

    /** Makes the registry hold exactly {@code peers}. */
    public void publish(Collection<PeerRegion> peers) {
        try {
            Set<String> names = peers.stream().map(PeerRegion::name).collect(Collectors.toSet());
            for (PeerRegion peer : peers) {
                byte[] json = Json.write(peer);
                client.create().orSetData().creatingParentsIfNeeded().forPath(path + "/" + peer.name(), json);
            }
            for (String existing : children()) {
                if (!names.contains(existing)) {
                    client.delete().quietly().forPath(path + "/" + existing);
                }
            }
            LOG.info("published peer regions {} at {}", names, path);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish peer regions at " + path + ": " + e, e);
        }
    }

    /** The peers now registered, by name. */
    public List<PeerRegion> peers() {
        try {
            List<PeerRegion> peers = new ArrayList<>();
            for (String name : children()) {
                try {
                    peers.add(Json.read(client.getData().forPath(path + "/" + name), PeerRegion.class));
                } catch (KeeperException.NoNodeException removed) {
                    // removed between the listing and the read
                }
            }
            peers.sort(Comparator.comparing(PeerRegion::name));
            return peers;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read peer regions at " + path + ": " + e, e);
        }
    }

    /**
     * Calls {@code listener} with the whole set of peers now and on every change, until the returned
     * watch is closed.
     */
    public AutoCloseable watch(Consumer<List<PeerRegion>> listener) {
        CuratorCache cache = CuratorCache.build(client, path);
        cache.listenable().addListener(CuratorCacheListener.builder()
                .afterInitialized()
                .forAll((type, before, after) -> listener.accept(current(cache)))
                .forInitialized(() -> listener.accept(current(cache)))
                .build());
        cache.start();
        return cache::close;
    }

    private List<PeerRegion> current(CuratorCache cache) {
        return cache.stream()
                .filter(data -> !data.getPath().equals(path) && data.getData() != null && data.getData().length > 0)
                .map(data -> Json.read(data.getData(), PeerRegion.class))
                .sorted(Comparator.comparing(PeerRegion::name))
                .toList();
    }

    private List<String> children() throws Exception {
        try {
            return client.getChildren().forPath(path);
        } catch (KeeperException.NoNodeException none) {
            return List.of();
        }
    }
}
