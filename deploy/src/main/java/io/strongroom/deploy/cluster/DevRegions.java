package io.strongroom.deploy.cluster;

import io.strongroom.core.replication.PeerRegion;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import io.strongroom.gateway.tls.GatewayTls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several regions in one process, each a {@link DevCluster} of its own (its own embedded broker,
 * ZooKeeper, services, replicator and data under {@code <dataDir>/<region>}), region {@code i} serving on
 * {@code port + i}. Every region knows all the others as peers, so any of them can be a primary and
 * any other its replica. Regions share nothing but the process.
 */
public final class DevRegions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DevRegions.class);
    public static final List<String> DEFAULT_REGIONS = List.of("us-east-1", "eu-west-1");

    private final List<DevCluster> regions = new ArrayList<>();

    /** @param port the first region's port; 0 lets every region choose a free one */
    public DevRegions(List<String> names, Path dataDir, int port, int partitions, AccessKeyAccounts identities) {
        if (names.isEmpty() || names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("regions must be distinct and at least one: " + names);
        }
        for (int i = 0; i < names.size(); i++) {
            regions.add(new DevCluster(names.get(i), dataDir.resolve(names.get(i)), port == 0 ? 0 : port + i,
                    partitions, identities));
        }
    }

    /** Every region serves HTTPS with {@code tls}; before {@link #start()}. */
    public DevRegions withTls(GatewayTls tls) {
        regions.forEach(region -> region.withTls(tls));
        return this;
    }

    /** Starts every region's storage, then every region's services with the others as peers. */
    public DevRegions start() {
        try {
            regions.forEach(DevCluster::startStorage);
            List<PeerRegion> all = regions.stream().map(DevCluster::asPeer).toList();
            for (DevCluster region : regions) {
                region.withPeers(all.stream().filter(peer -> !peer.name().equals(region.region())).toList())
                        .startServices();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("dev regions {} started", regions.stream().map(DevCluster::region).toList());
        return this;
    }

    public boolean isReady() {
        return regions.stream().allMatch(DevCluster::isReady);
    }

    public List<DevCluster> regions() {
        return List.copyOf(regions);
    }

    public Optional<DevCluster> region(String name) {
        return regions.stream().filter(r -> r.region().equals(name)).findFirst();
    }

    @Override
    public void close() {
        for (int i = regions.size() - 1; i >= 0; i--) {
            regions.get(i).close();
        }
    }
}
