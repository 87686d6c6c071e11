package io.strongroom.deploy.cli;

import io.strongroom.deploy.cluster.RegionServices;
import io.strongroom.scheduler.DeletionScheduler;
import io.strongroom.scheduler.SchedulerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Run command-service, a projection and the gateway in this process against an external Kafka;"
                + " with --zookeeper, a deletion scheduler instance too.")
public final class NodeCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    IdentityOptions identities;

    @Option(names = "--data-dir", required = true, description = "RocksDB directories and the master key file")
    Path dataDir;

    @Mixin
    ListenOptions listen;

    @Mixin
    ZooKeeperOptions zookeeper;

    @Mixin
    GatewayTlsOptions https;

    @Override
    public Integer call() {
        RegionServices services = new RegionServices(new RegionServices.Settings(kafka.region, kafka.settings(),
                kafka.topics(), dataDir.toAbsolutePath(), listen.host, listen.port, identities.load()).withTls(https.tls()))
                .start();
        System.out.println("Strongroom node for region " + kafka.region + " on " + services.endpoint());
        // Every node may run a scheduler instance: the region's leader latch lets one of them purge.
        DeletionScheduler scheduler = zookeeper.settings(kafka.insecure)
                .map(zk -> new DeletionScheduler(SchedulerConfig.defaults(kafka.region, kafka.settings(),
                        kafka.topics(), zk)).start())
                .orElse(null);
        return RunUntilStopped.run("node", () -> {
            if (scheduler != null) {
                scheduler.close();
            }
            services.close();
        });
    }
}
