package io.strongroom.systemtests.support;

import io.strongroom.coordination.ZooKeeperSettings;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.replication.PeerRegion;
import io.strongroom.deploy.cluster.RegionReplication;
import io.strongroom.deploy.cluster.RegionServices;
import io.strongroom.deploy.cluster.ReplicationSettings;
import io.strongroom.deploy.replication.ReplicationKeyFile;
import io.strongroom.embedded.EmbeddedKafka;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.awaitility.Awaitility;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * One region of a multi-region fixture: its own KRaft broker (stoppable and restartable on the same
 * port), its own ZooKeeper (Curator's TestingServer), and its services with a replicator towards the
 * peers it is given.
 */
public final class FixtureRegion implements AutoCloseable {
    /** ZooKeeper ticks of 500 ms let sessions be as short as the services ask (3 s). */
    private static final int ZOOKEEPER_TICK_MS = 500;

    private final String name;
    private final Path dir;
    private final Topics topics;
    private final EmbeddedKafka broker;
    private final TestingServer zookeeper;
    private RegionServices services;

    private FixtureRegion(String name, Path dir, Topics topics) throws Exception {
        this.name = name;
        this.dir = dir;
        this.topics = topics;
        this.broker = EmbeddedKafka.builder().logDir(dir.resolve("kafka")).build().start();
        this.zookeeper = new TestingServer(new InstanceSpec(dir.resolve("zookeeper").toFile(), -1, -1, -1, false, -1,
                ZOOKEEPER_TICK_MS, -1), true);
    }

    /** The broker and ZooKeeper; the services start with {@link #startServices}, once every region's peer is known. */
    static FixtureRegion storage(String name, Path dir, Topics topics) throws Exception {
        return new FixtureRegion(name, dir, topics);
    }

    /** This region as its peers configure it. */
    public PeerRegion asPeer() {
        return new PeerRegion(name, broker.bootstrapServers(), broker.clientProperties(), null,
                ReplicationKeyFile.publicKeyBase64(ReplicationKeyFile.loadOrCreate(servicesDir())));
    }

    FixtureRegion startServices(AccessKeyAccounts identities, List<PeerRegion> peers, Duration ackTimeout) {
        services = new RegionServices(new RegionServices.Settings(name, kafka(), topics, servicesDir(), "127.0.0.1", 0,
                identities).withReplication(new ReplicationSettings(peers, zookeeperSettings(), ackTimeout, true)))
                .start();
        Awaitility.await(name + " ready").atMost(Duration.ofSeconds(60)).until(services::isReady);
        return this;
    }

    public String name() {
        return name;
    }

    public Region sdkRegion() {
        return Region.of(name);
    }

    public URI endpoint() {
        return services.endpoint();
    }

    public SecretsManagerClient client(TestAccount account) {
        return Clients.secretsManager(endpoint(), sdkRegion(), account.accessKeyId());
    }

    public KafkaSettings kafka() {
        return KafkaSettings.of(broker.bootstrapServers());
    }

    public Topics topics() {
        return topics;
    }

    public ZooKeeperSettings zookeeperSettings() {
        return new ZooKeeperSettings(zookeeper.getConnectString(), ZooKeeperSettings.DEFAULT_SESSION_TIMEOUT);
    }

    /** Where the services keep RocksDB, the master key file and the replication key file. */
    public Path servicesDir() {
        return dir.resolve("services");
    }

    public Path dir() {
        return dir;
    }

    public EmbeddedKafka broker() {
        return broker;
    }

    public RegionReplication replication() {
        return services.replication();
    }

    /** Every committed outcome in this region's events topic. */
    public List<Outcome> events() {
        return EventLog.read(broker.bootstrapServers(), topics);
    }

    /** Stops the region's broker (its services keep running and retry); {@link #startBroker()} brings it back. */
    public void stopBroker() {
        broker.close();
    }

    public void startBroker() {
        broker.start();
    }

    @Override
    public void close() throws Exception {
        if (services != null) {
            services.close();
        }
        broker.close();
        zookeeper.close();
    }
}
