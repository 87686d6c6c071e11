package io.strongroom.deploy.cli;

import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.deploy.tls.DevTls;
import io.strongroom.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Run one region in this process: an embedded Kafka broker, an embedded ZooKeeper and every service,"
                + " on 127.0.0.1.")
public final class DevCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "7070", description = "the Secrets Manager endpoint's port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", defaultValue = "data", description = "where Kafka's log, ZooKeeper's data, RocksDB and the master keys live (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--region", defaultValue = "us-east-1", description = "the region name (default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--partitions", defaultValue = "" + Topics.DEFAULT_PARTITIONS, description = "topic partitions (default: ${DEFAULT-VALUE})")
    int partitions;

    @Mixin
    DevIdentityOptions identity;

    @Option(names = "--tls", description = "serve HTTPS with a certificate for 127.0.0.1/localhost from a local CA"
            + " generated (once) under <data-dir>/tls")
    boolean tls;

    @Override
    public Integer call() {
        DevTls devTls = tls ? DevTls.ensure(dataDir.toAbsolutePath()) : null;
        DevCluster cluster = new DevCluster(region, dataDir.toAbsolutePath(), port, partitions, identity.identities())
                .withTls(devTls == null ? null : devTls.gateway());
        try {
            cluster.start();
            awaitReady(cluster);
        } catch (RuntimeException e) {
            System.err.println("strongroom dev: could not start: " + e.getMessage());
            cluster.close();
            return 1;
        }
        System.out.println("Strongroom is ready: region " + region + ", endpoint " + cluster.endpoint()
                + ", data in " + dataDir.toAbsolutePath());
        System.out.println("  " + identity.exportLine(region));
        if (devTls == null) {
            System.out.println("  aws --endpoint-url " + cluster.endpoint() + " secretsmanager list-secrets");
        } else {
            System.out.println("  export AWS_CA_BUNDLE=" + devTls.caBundle() + "   # trust the dev CA (SDKs and the CLI)");
            System.out.println("  aws --endpoint-url " + cluster.endpoint() + " --ca-bundle " + devTls.caBundle()
                    + " secretsmanager list-secrets");
        }
        System.out.println("  ./strongroom audit verify --kafka " + cluster.bootstrapServers() + "   (the audit trail)");
        return RunUntilStopped.run("dev cluster", cluster);
    }

    /** The projection reports serving once it has replayed the log it found at start-up. */
    private static void awaitReady(DevCluster cluster) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!cluster.isReady()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not ready after 5 minutes");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
