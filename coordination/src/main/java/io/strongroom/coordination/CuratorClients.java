package io.strongroom.coordination;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;

/**
 * Builds the Curator clients of Strongroom's services from {@link ZooKeeperSettings}: the one place
 * that knows timeouts, retries and authentication. A client retries a lost connection on its own;
 * recipes on it (leader latches, registries) see the connection state changes.
 *
 * <p>With digest credentials, the client authenticates and creates every znode with
 * {@code CREATOR_ALL_ACL}: only the same identity can read, change or delete the region's latches, so
 * another ZooKeeper user cannot take over the scheduler or the replicator.
 */
public final class CuratorClients {
    private static final int BASE_RETRY_MS = 200;
    private static final int MAX_RETRIES = 10;

    private CuratorClients() {}

    /** A client that is not started yet; the caller starts and closes it. */
    public static CuratorFramework newClient(ZooKeeperSettings settings) {
        int sessionMs = Math.toIntExact(settings.sessionTimeout().toMillis());
        CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
                .connectString(settings.connectString())
                .sessionTimeoutMs(sessionMs)
                .connectionTimeoutMs(sessionMs)
                .retryPolicy(new ExponentialBackoffRetry(BASE_RETRY_MS, MAX_RETRIES));
        if (settings.clientConfig() != null) {
            builder.zkClientConfig(clientConfig(settings));
        }
        if (settings.digest() != null) {
            builder.authorization("digest", settings.digest().getBytes(StandardCharsets.UTF_8))
                    .aclProvider(CREATOR_ONLY);
        }
        return builder.build();
    }

    /** A started client. */
    public static CuratorFramework start(ZooKeeperSettings settings) {
        CuratorFramework client = newClient(settings);
        client.start();
        return client;
    }

    private static ZKClientConfig clientConfig(ZooKeeperSettings settings) {
        try {
            return new ZKClientConfig(settings.clientConfig().toFile());
        } catch (QuorumPeerConfig.ConfigException e) {
            throw new IllegalArgumentException("cannot read ZooKeeper client config " + settings.clientConfig()
                    + ": " + e.getMessage(), e);
        }
    }

    private static final ACLProvider CREATOR_ONLY = new ACLProvider() {
        @Override
        public List<ACL> getDefaultAcl() {
            return ZooDefs.Ids.CREATOR_ALL_ACL;
        }

        @Override
        public List<ACL> getAclForPath(String path) {
            return ZooDefs.Ids.CREATOR_ALL_ACL;
        }
    };
}
