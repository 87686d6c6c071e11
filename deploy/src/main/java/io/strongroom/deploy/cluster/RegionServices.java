package io.strongroom.deploy.cluster;

import io.strongroom.command.CommandService;
import io.strongroom.command.CommandServiceConfig;
import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.deploy.replication.ReplicationKeyFile;
import io.strongroom.gateway.GatewayServer;
import io.strongroom.gateway.audit.KafkaAuditTrail;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import io.strongroom.gateway.commands.KafkaCommandBus;
import io.strongroom.gateway.projection.StaticProjectionDirectory;
import io.strongroom.gateway.tls.GatewayTls;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.ShreddingSettings;
import io.strongroom.kafka.TopicProvisioner;
import io.strongroom.kafka.Topics;
import io.strongroom.projection.ProjectionConfig;
import io.strongroom.projection.ProjectionService;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All services of one region in one JVM against a Kafka cluster: command-service, a projection
 * instance (called directly by the gateway) and the gateway; with replication settings, also the
 * region's peer registry and a replicator instance. Command-service imports replicas' data keys with
 * the region's replication key ({@code <dataDir>/replication-key.pem}, generated on first start). The
 * dev cluster runs this over an embedded broker; {@code strongroom node} runs it against an external one.
 */
public final class RegionServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegionServices.class);

    /**
     * What a region's services need; {@code dataDir} holds each service's RocksDB, the master key file
     * and the replication key file; {@code tls} (null for plain HTTP) is the gateway's HTTPS identity;
     * {@code shredding} the topic settings that bound how long a purged secret's keys survive;
     * {@code replication} (null: none) the peer regions and the region's ZooKeeper.
     */
    public record Settings(String region, KafkaSettings kafka, Topics topics, Path dataDir, String host, int port,
            AccessKeyAccounts identities, GatewayTls tls, ShreddingSettings shredding, ReplicationSettings replication) {
        public Settings(String region, KafkaSettings kafka, Topics topics, Path dataDir, String host, int port,
                AccessKeyAccounts identities) {
            this(region, kafka, topics, dataDir, host, port, identities, null, ShreddingSettings.PRODUCTION, null);
        }

        public Settings(String region, KafkaSettings kafka, Topics topics, Path dataDir, String host, int port,
                AccessKeyAccounts identities, GatewayTls tls, ShreddingSettings shredding) {
            this(region, kafka, topics, dataDir, host, port, identities, tls, shredding, null);
        }

        public Settings withTls(GatewayTls tls) {
            return new Settings(region, kafka, topics, dataDir, host, port, identities, tls, shredding, replication);
        }

        public Settings withShredding(ShreddingSettings shredding) {
            return new Settings(region, kafka, topics, dataDir, host, port, identities, tls, shredding, replication);
        }

        public Settings withReplication(ReplicationSettings replication) {
            return new Settings(region, kafka, topics, dataDir, host, port, identities, tls, shredding, replication);
        }

        /** The regions the gateway accepts as replica regions. */
        List<String> peerNames() {
            return replication == null ? List.of() : replication.peerNames();
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final Vertx vertx = Vertx.vertx();
    private ProjectionService projection;
    private CommandService commands;
    private KafkaCommandBus commandBus;
    private KafkaAuditTrail audit;
    private GatewayServer gateway;
    private RegionReplication replication;

    public RegionServices(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock that stamps commands and decides them (tests move it to reach a deletion date). */
    public RegionServices(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public RegionServices start() {
        TopicProvisioner.ensure(settings.kafka(), settings.topics(), settings.shredding());
        LOG.info("crypto-shredding bound: no copy of a purged secret's data keys after {}", settings.shredding().bound());
        projection = new ProjectionService(ProjectionConfig.local(settings.region(), settings.kafka(),
                settings.topics(), settings.dataDir().resolve("projection"), "0"), vertx, Clock.systemUTC());
        projection.start();
        EnvelopeCipher cipher = GatewayAssembly.cipher(settings.dataDir());
        KeyPair replicationKey = ReplicationKeyFile.loadOrCreate(settings.dataDir());
        commands = new CommandService(CommandServiceConfig.defaults(settings.region(), settings.kafka(),
                settings.topics(), settings.dataDir().resolve("command-service"))
                .withClock(clock).withShredding(settings.shredding())
                .withReplicaKeys(cipher.keys(), replicationKey.getPrivate()));
        commands.start();
        commandBus = new KafkaCommandBus(settings.kafka(), settings.topics(), "gateway-" + settings.region());
        audit = GatewayAssembly.auditTrail(settings.kafka(), settings.topics(), settings.dataDir());
        gateway = new GatewayServer(vertx, GatewayAssembly.config(settings.region(), settings.host(), settings.port(),
                        settings.identities(), commandBus,
                        new StaticProjectionDirectory(List.of(projection.readModel())), cipher)
                .peerRegions(settings.peerNames())
                .readiness(this::isReady)
                .audit(audit)
                .clock(clock)
                .tls(settings.tls())
                .build());
        gateway.start();
        if (settings.replication() != null) {
            replication = new RegionReplication(settings.region(), settings.kafka(), settings.topics(),
                    settings.replication(), projection.readModel(), cipher).start();
        }
        return this;
    }

    /** Ready to serve: the projection has caught up with the log and command-service is running. */
    public boolean isReady() {
        return projection.isServing() && !commands.hasFailed();
    }

    public URI endpoint() {
        return gateway.endpoint();
    }

    public ProjectionService projection() {
        return projection;
    }

    /** The region's replication (peer registry, replicator instance); null without replication settings. */
    public RegionReplication replication() {
        return replication;
    }

    @Override
    public void close() {
        // Stop replicating and taking requests first, then the writers, then the readers.
        closeQuietly("replication", replication);
        closeQuietly("gateway", gateway);
        closeQuietly("audit trail", audit);
        closeQuietly("command bus", commandBus);
        closeQuietly("command-service", commands);
        if (projection != null) {
            projection.stop();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
        LOG.info("region {} services stopped", settings.region());
    }

    private static void closeQuietly(String what, AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", what, e.toString());
        }
    }
}
