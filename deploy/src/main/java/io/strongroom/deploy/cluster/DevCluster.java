package io.strongroom.deploy.cluster;

import io.strongroom.embedded.EmbeddedKafka;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.ShreddingSettings;
import io.strongroom.kafka.Topics;
import java.net.URI;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One region in one process: an embedded KRaft broker whose log lives under the data directory,
 * and the region's services over it. A restart on the same data directory keeps every secret.
 * Everything binds to loopback.
 */
public final class DevCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DevCluster.class);
    public static final String DEV_ACCOUNT = "000000000000";

    /** Dev-mode identities: any access key acts as the root of the dev account. */
    public static AccessKeyAccounts devIdentities() {
        return AccessKeyAccounts.builder().devDefault(DEV_ACCOUNT, "arn:aws:iam::" + DEV_ACCOUNT + ":root").build();
    }

    private final EmbeddedKafka broker;
    private final String region;
    private final Path dataDir;
    private final int port;
    private final int partitions;
    private final AccessKeyAccounts identities;
    private final ShreddingSettings shredding;
    private RegionServices services;

    public DevCluster(String region, Path dataDir, int port, int partitions, AccessKeyAccounts identities) {
        this(region, dataDir, port, partitions, identities, ShreddingSettings.PRODUCTION);
    }

    /** @param shredding the shredding bound's settings, for the topics and for the embedded broker's cleaner */
    public DevCluster(String region, Path dataDir, int port, int partitions, AccessKeyAccounts identities,
            ShreddingSettings shredding) {
        this.broker = EmbeddedKafka.builder().logDir(dataDir.resolve("kafka"))
                .properties(shredding.brokerProperties()).build();
        this.shredding = shredding;
        this.region = region;
        this.dataDir = dataDir;
        this.port = port;
        this.partitions = partitions;
        this.identities = identities;
    }

    public DevCluster start() {
        broker.start();
        LOG.info("embedded Kafka broker on {} (log {})", broker.bootstrapServers(), broker.logDir());
        services = new RegionServices(new RegionServices.Settings(region, KafkaSettings.of(broker.bootstrapServers()),
                Topics.standard(partitions), dataDir, "127.0.0.1", port, identities, shredding)).start();
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

    public Path dataDir() {
        return dataDir;
    }

    public RegionServices services() {
        return services;
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
        }
        broker.close();
        LOG.info("dev cluster stopped");
    }
}
