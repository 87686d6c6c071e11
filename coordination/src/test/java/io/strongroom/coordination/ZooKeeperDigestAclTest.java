package io.strongroom.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With digest credentials, Strongroom's znodes belong to that identity alone. */
class ZooKeeperDigestAclTest {
    private TestingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestingServer(true);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private ZooKeeperSettings settings(String digest) {
        return new ZooKeeperSettings(server.getConnectString(), Duration.ofSeconds(3)).withDigest(digest);
    }

    @Test
    void znodesAreCreatedForTheAuthenticatedIdentityOnly() throws Exception {
        try (CuratorFramework scheduler = CuratorClients.start(settings("strongroom:s3cret"))) {
            scheduler.create().creatingParentsIfNeeded().forPath("/strongroom/us-east-1/scheduler", new byte[] {1});

            assertThat(scheduler.getACL().forPath("/strongroom/us-east-1/scheduler"))
                    .allSatisfy(acl -> {
                        assertThat(acl.getId().getScheme()).isEqualTo("digest");
                        assertThat(acl.getId().getId()).startsWith("strongroom:");
                        assertThat(acl.getPerms()).isEqualTo(ZooDefs.Perms.ALL);
                    });
            assertThat(scheduler.getData().forPath("/strongroom/us-east-1/scheduler")).containsExactly(1);
        }
    }

    @Test
    void anotherClientCanNeitherReadNorTakeTheLeaderLatch() throws Exception {
        try (CuratorFramework owner = CuratorClients.start(settings("strongroom:s3cret"));
                CuratorFramework anonymous = CuratorClients.start(settings(null));
                CuratorFramework intruder = CuratorClients.start(settings("intruder:guess"));
                LeaderLatch latch = new LeaderLatch(owner, "/strongroom/us-east-1/scheduler/leader")) {
            latch.start();
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();

            for (CuratorFramework other : new CuratorFramework[] {anonymous, intruder}) {
                assertThatThrownBy(() -> other.getChildren().forPath("/strongroom/us-east-1/scheduler/leader"))
                        .isInstanceOf(KeeperException.NoAuthException.class);
                assertThatThrownBy(() -> other.create().forPath("/strongroom/us-east-1/scheduler/leader/x",
                        "me".getBytes(StandardCharsets.UTF_8)))
                        .isInstanceOf(KeeperException.NoAuthException.class);
                assertThatThrownBy(() -> other.delete().deletingChildrenIfNeeded().forPath("/strongroom"))
                        .isInstanceOf(KeeperException.NoAuthException.class);
            }
            assertThat(latch.hasLeadership()).isTrue();
        }
    }

    @Test
    void theDigestPasswordNeverShowsInTheSettings() {
        assertThat(settings("strongroom:s3cret").toString()).contains("strongroom").doesNotContain("s3cret");
    }
}
