package io.strongroom.coordination;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * Builds the Curator clients of Strongroom's services from {@link ZooKeeperSettings}: the one place
 * that knows timeouts, retries and (to come) authentication. A client retries a lost connection on
 * its own; recipes on it (leader latches, registries) see the connection state changes.
 */
public final class CuratorClients {
    private static final int BASE_RETRY_MS = 200;
    private static final int MAX_RETRIES = 10;

    private CuratorClients() {}

    /** A client that is not started yet; the caller starts and closes it. */
    public static CuratorFramework newClient(ZooKeeperSettings settings) {
        int sessionMs = Math.toIntExact(settings.sessionTimeout().toMillis());
        return CuratorFrameworkFactory.builder()
                .connectString(settings.connectString())
                .sessionTimeoutMs(sessionMs)
                .connectionTimeoutMs(sessionMs)
                .retryPolicy(new ExponentialBackoffRetry(BASE_RETRY_MS, MAX_RETRIES))
                .build();
    }

    /** A started client. */
    public static CuratorFramework start(ZooKeeperSettings settings) {
        CuratorFramework client = newClient(settings);
        client.start();
        return client;
    }
}
