package io.strongroom.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.replication.PeerRegion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The region's peers live under /strongroom/<region>/peers, and the configuration file is their truth. */
class PeerRegistryTest {
    private static final PeerRegion EU = new PeerRegion("eu-west-1", "10.0.1.5:9092",
            Map.of("security.protocol", "SASL_SSL"), "https://sm.eu.example", "AAAA");
    private static final PeerRegion AP = new PeerRegion("ap-south-1", "10.0.2.5:9092", Map.of(),
            "https://sm.ap.example", "BBBB");

    private TestingServer server;
    private CuratorFramework client;

    @BeforeEach
    void start() throws Exception {
        server = new TestingServer(true);
        client = CuratorClients.start(ZooKeeperSettings.of(server.getConnectString()));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void publishedPeersAreReadBackWithEveryField() {
        PeerRegistry registry = new PeerRegistry(client, "us-east-1");
        registry.publish(List.of(EU, AP));

        assertThat(registry.peers()).containsExactly(AP, EU);
        assertThat(registry.path()).isEqualTo("/strongroom/us-east-1/peers");
    }

    @Test
    void publishingAgainRemovesPeersTheFileNoLongerNames() {
        PeerRegistry registry = new PeerRegistry(client, "us-east-1");
        registry.publish(List.of(EU, AP));
        registry.publish(List.of(EU));

        assertThat(registry.peers()).containsExactly(EU);
    }

    @Test
    void eachRegionKeepsItsOwnPeers() {
        new PeerRegistry(client, "us-east-1").publish(List.of(EU));

        assertThat(new PeerRegistry(client, "eu-west-1").peers()).isEmpty();
    }

    @Test
    void aWatcherSeesThePeersAtOnceAndEveryChange() throws Exception {
        PeerRegistry registry = new PeerRegistry(client, "us-east-1");
        registry.publish(List.of(EU));
        AtomicReference<List<PeerRegion>> seen = new AtomicReference<>();
        try (AutoCloseable watch = registry.watch(seen::set)) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen.get()).containsExactly(EU));

            registry.publish(List.of(EU, AP));
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen.get()).containsExactly(AP, EU));

            registry.publish(List.of(AP));
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen.get()).containsExactly(AP));
        }
    }
}
