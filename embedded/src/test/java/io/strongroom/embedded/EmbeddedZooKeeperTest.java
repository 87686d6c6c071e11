package io.strongroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedZooKeeperTest {

    @Test
    void aRestartOnTheSameDirectoryKeepsItsNodes(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("not-yet-there");
        try (EmbeddedZooKeeper server = new EmbeddedZooKeeper(dir).start()) {
            assertThat(server.connectString()).startsWith("127.0.0.1:");
            ZooKeeper client = connect(server.connectString());
            client.create("/kept", "v".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
            client.close();
        }
        try (EmbeddedZooKeeper server = new EmbeddedZooKeeper(dir).start()) {
            ZooKeeper client = connect(server.connectString());
            assertThat(new String(client.getData("/kept", false, null), StandardCharsets.UTF_8)).isEqualTo("v");
            client.close();
        }
    }

    private static ZooKeeper connect(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper client = new ZooKeeper(connectString, 3000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertThat(connected.await(30, TimeUnit.SECONDS)).isTrue();
        return client;
    }
}
