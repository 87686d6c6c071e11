package io.strongroom.deploy.cli;

import io.strongroom.coordination.ZooKeeperSettings;
import io.strongroom.deploy.cluster.RegionServices;
import io.strongroom.deploy.cluster.ReplicationSettings;
import io.strongroom.scheduler.DeletionScheduler;
import io.strongroom.scheduler.SchedulerConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Run command-service, a projection and the gateway in this process against an external Kafka;"
                + " with --zookeeper, a deletion scheduler instance too, and with --peers a replicator instance.")
public final class NodeCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    IdentityOptions identities;

    @Option(names = "--data-dir", required = true,
            description = "RocksDB directories, the master key file and the deletion scheduler's checkpoint")
    Path dataDir;

    @Mixin
    ListenOptions listen;

    @Mixin
    ZooKeeperOptions zookeeper;

    @Mixin
    GatewayTlsOptions https;

    @Mixin
    PeersOptions peers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<ZooKeeperSettings> zk = zookeeper.settings(kafka.insecure);
        if (peers.configured() && zk.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--peers needs --zookeeper (the peer registry and the"
                    + " replicator's leader latch live there)");
        }
        // With peers, every node runs a replicator instance: the region's leader latch lets one of them replicate.
        ReplicationSettings replication = peers.configured()
                ? ReplicationSettings.of(peers.peers(kafka.region), zk.get()) : null;
        RegionServices services = new RegionServices(new RegionServices.Settings(kafka.region, kafka.settings(),
                kafka.topics(), dataDir.toAbsolutePath(), listen.host, listen.port, identities.load()).withTls(https.tls())
                .withReplication(replication))
                .start();
        System.out.println("Strongroom node for region " + kafka.region + " on " + services.endpoint());
        // Every node may run a scheduler instance: the region's leader latch lets one of them purge.
        DeletionScheduler scheduler = zk
                .map(z -> new DeletionScheduler(SchedulerConfig.defaults(kafka.region, kafka.settings(),
                        kafka.topics(), z).withStateDir(dataDir.toAbsolutePath().resolve("scheduler"))).start())
                .orElse(null);
        return RunUntilStopped.run("node", () -> {
            if (scheduler != null) {
                scheduler.close();
            }
            services.close();
        });
    }
}
