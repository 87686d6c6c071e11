package io.strongroom.deploy.cluster;

import io.strongroom.coordination.ZooKeeperSettings;
import io.strongroom.core.replication.PeerRegion;
import io.strongroom.deploy.replication.ReplicationKeyFile;
import io.strongroom.embedded.EmbeddedKafka;
import io.strongroom.embedded.EmbeddedZooKeeper;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import io.strongroom.gateway.tls.GatewayTls;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.ShreddingSettings;
import io.strongroom.kafka.Topics;
import io.strongroom.scheduler.DeletionScheduler;
import io.strongroom.scheduler.SchedulerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One region in one process: an embedded KRaft broker and an embedded ZooKeeper server whose data
 * live under the data directory, the region's services over them, and the deletion scheduler. A restart on the same data directory keeps every secret.
 * Everything binds to loopback.
 *
 * <p>Several regions ({@link DevRegions}) start in two steps: every region's storage first
 * ({@link #startStorage()}), so each can be described to the others as a peer ({@link #asPeer()}),
 * then the services with those peers ({@link #withPeers}, {@link #startServices()}), which run the
 * region's replicator.
 */
public final class DevCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DevCluster.class);
    public static final String DEV_ACCOUNT = "000000000000";
    /** A purge follows the end of a recovery window within about this long. */
    static final Duration SCHEDULER_TICK = Duration.ofSeconds(1);
    public static final String DEV_ACCESS_KEY_ID = "AKIASTRONGROOMDEV0001";
    /** The development identity's well-known secret (in README): for local use only. */
    public static final String DEV_SECRET_ACCESS_KEY = "strongroom-dev-secret";

    /** The development identity with its default key pair: the root of the dev account. */
    public static AccessKeyAccounts devIdentities() {
        return devIdentities(DEV_ACCESS_KEY_ID, DEV_SECRET_ACCESS_KEY);
    }

    /** One identity, the root of the dev account, signing with the given key pair. */
    public static AccessKeyAccounts devIdentities(String accessKeyId, String secretAccessKey) {
        return AccessKeyAccounts.builder()
                .add(accessKeyId, secretAccessKey, DEV_ACCOUNT, "arn:aws:iam::" + DEV_ACCOUNT + ":root").build();
    }

    private EmbeddedKafka broker;
    private final String region;
    private final Path dataDir;
    private final int port;
    private final int partitions;
    private final AccessKeyAccounts identities;
    private Clock clock = Clock.systemUTC();
    private GatewayTls tls;
    private ShreddingSettings shredding = ShreddingSettings.PRODUCTION;
    private EmbeddedZooKeeper zookeeper;
    private RegionServices services;
    private DeletionScheduler scheduler;
    private List<PeerRegion> peers = List.of();
    private Duration replicationAckTimeout = ReplicationSettings.DEFAULT_ACK_TIMEOUT;
    private KeyPair replicationKey;

    public DevCluster(String region, Path dataDir, int port, int partitions, AccessKeyAccounts identities) {
        this.region = region;
        this.dataDir = dataDir;
        this.port = port;
        this.partitions = partitions;
        this.identities = identities;
    }

    /** @param clock stamps and decides commands and tells the scheduler what is due (tests move it) */
    public DevCluster(String region, Path dataDir, int port, int partitions, AccessKeyAccounts identities,
            Clock clock) {
        this(region, dataDir, port, partitions, identities);
        this.clock = clock;
    }

    /**
     * The shredding bound's settings, for the topics and for the embedded broker's cleaner (tests set
     * seconds); before {@link #start()}.
     */
    public DevCluster withShredding(ShreddingSettings shredding) {
        this.shredding = shredding;
        return this;
    }

    /** Serve HTTPS with {@code tls} (e.g. {@link io.strongroom.deploy.tls.DevTls}); before {@link #start()}. */
    public DevCluster withTls(GatewayTls tls) {
        this.tls = tls;
        return this;
    }

    /** The other regions this one replicates to; before {@link #startServices()}. */
    public DevCluster withPeers(List<PeerRegion> peers) {
        this.peers = List.copyOf(peers);
        return this;
    }

    /** How soon an unanswered target region shows Failed (tests shorten it); before {@link #startServices()}. */
    public DevCluster withReplicationAckTimeout(Duration timeout) {
        this.replicationAckTimeout = timeout;
        return this;
    }

    public DevCluster start() {
        return startStorage().startServices();
    }

    /** The broker, ZooKeeper and the replication key pair: what peers need to know of this region. */
    public DevCluster startStorage() {
        broker = EmbeddedKafka.builder().logDir(dataDir.resolve("kafka"))
                .properties(shredding.brokerProperties())
                // Kafka's own heartbeat and session instead of the embedded node's short ones (made for tests
                // that restart a killed broker): on a loaded two-core machine the controller, in this same
                // JVM, timed heartbeats out and fenced the broker, and each coordinator reloaded its log.
                .property("broker.heartbeat.interval.ms", "2000")
                .property("broker.session.timeout.ms", "9000")
                .build();
        broker.start();
        LOG.info("embedded Kafka broker on {} (log {})", broker.bootstrapServers(), broker.logDir());
        zookeeper = new EmbeddedZooKeeper(dataDir.resolve("zookeeper"));
        zookeeper.start();
        replicationKey = ReplicationKeyFile.loadOrCreate(dataDir);
        return this;
    }

    /** This region as its peers configure it; after {@link #startStorage()}. */
    public PeerRegion asPeer() {
        return new PeerRegion(region, broker.bootstrapServers(), broker.clientProperties(),
                port == 0 ? null : "http://127.0.0.1:" + port, ReplicationKeyFile.publicKeyBase64(replicationKey));
    }

    /** The region's services, its replicator (with peers) and its deletion scheduler; after {@link #startStorage()}. */
    public DevCluster startServices() {
        KafkaSettings kafka = KafkaSettings.of(broker.bootstrapServers());
        Topics topics = Topics.standard(partitions);
        services = new RegionServices(new RegionServices.Settings(region, kafka, topics, dataDir, "127.0.0.1", port,
                identities).withTls(tls).withShredding(shredding)
                .withReplication(new ReplicationSettings(peers, ZooKeeperSettings.of(zookeeper.connectString()),
                        replicationAckTimeout, true)), clock).start();
        scheduler = new DeletionScheduler(SchedulerConfig.defaults(region, kafka, topics,
                        ZooKeeperSettings.of(zookeeper.connectString()))
                .withTick(SCHEDULER_TICK)
                .withClock(clock)
                .withStateDir(dataDir.resolve("scheduler"))).start();
        return this;
    }

    public boolean isReady() {
        return services != null && services.isReady();
    }

    public URI endpoint() {
        return services.endpoint();
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The port the gateway was asked to serve on (0: any free one). */
    public int port() {
        return port;
    }

    public String region() {
        return region;
    }

    public EmbeddedKafka broker() {
        return broker;
    }

    public Path dataDir() {
        return dataDir;
    }

    public RegionServices services() {
        return services;
    }

    public DeletionScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        if (services != null) {
            services.close();
        }
        if (zookeeper != null) {
            zookeeper.close();
        }
        if (broker != null) {
            broker.close();
        }
        LOG.info("dev cluster stopped");
    }
}
