package io.strongroom.deploy.cli;

import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.deploy.cluster.DevRegions;
import io.strongroom.deploy.tls.DevTls;
import io.strongroom.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Run regions in this process (by default us-east-1 and eu-west-1, replicating to each other),"
                + " each with its own embedded Kafka broker, embedded ZooKeeper, services and replicator, on 127.0.0.1.")
public final class DevCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "7070",
            description = "the first region's Secrets Manager port; region i serves on port+i (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", defaultValue = "data", description = "where each region's Kafka log, ZooKeeper data,"
            + " RocksDB and keys live, under <data-dir>/<region> (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--regions", split = ",", defaultValue = "us-east-1,eu-west-1",
            description = "the regions to run, any number (default: ${DEFAULT-VALUE})")
    List<String> regions;

    @Option(names = "--region", description = "run this one region only (same as --regions <region>)")
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
        List<String> names = region == null ? regions : List.of(region);
        DevTls devTls = tls ? DevTls.ensure(dataDir.toAbsolutePath()) : null;
        DevRegions cluster = new DevRegions(names, dataDir.toAbsolutePath(), port, partitions, identity.identities())
                .withTls(devTls == null ? null : devTls.gateway());
        try {
            cluster.start();
            awaitReady(cluster);
        } catch (RuntimeException e) {
            System.err.println("strongroom dev: could not start: " + e.getMessage());
            cluster.close();
            return 1;
        }
        System.out.println("Strongroom is ready, data in " + dataDir.toAbsolutePath() + ":");
        for (DevCluster r : cluster.regions()) {
            System.out.println("  region " + r.region() + ": endpoint " + r.endpoint() + "   (Kafka "
                    + r.bootstrapServers() + ")");
        }
        DevCluster first = cluster.regions().get(0);
        System.out.println("  " + identity.exportLine(first.region()));
        if (devTls == null) {
            System.out.println("  aws --endpoint-url " + first.endpoint() + " secretsmanager list-secrets");
        } else {
            System.out.println("  export AWS_CA_BUNDLE=" + devTls.caBundle() + "   # trust the dev CA (SDKs and the CLI)");
            System.out.println("  aws --endpoint-url " + first.endpoint() + " --ca-bundle " + devTls.caBundle()
                    + " secretsmanager list-secrets");
        }
        for (DevCluster other : cluster.regions().subList(1, cluster.regions().size())) {
            System.out.println("  aws --endpoint-url " + other.endpoint() + " --region " + other.region()
                    + " secretsmanager list-secrets   (replicas live here)");
        }
        System.out.println("  ./strongroom audit verify --kafka " + first.bootstrapServers() + "   (the audit trail of "
                + first.region() + ")");
        return RunUntilStopped.run("dev cluster", cluster);
    }

    /** Each projection reports serving once it has replayed the log it found at start-up. */
    private static void awaitReady(DevRegions cluster) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!cluster.isReady()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not ready after 5 minutes");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
