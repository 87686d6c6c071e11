package io.strongroom.deploy.cli;

import io.strongroom.coordination.ZooKeeperSettings;
import io.strongroom.core.replication.PeerRegion;
import io.strongroom.deploy.cluster.GatewayAssembly;
import io.strongroom.deploy.cluster.RegionReplication;
import io.strongroom.deploy.cluster.ReplicationSettings;
import io.strongroom.kafka.TopicProvisioner;
import io.strongroom.projection.ProjectionConfig;
import io.strongroom.projection.ProjectionService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom replicator}: one replicator instance of a region; the instance holding the
 * region's leader latch replicates, the others stand by. It reads versions' wrapped data keys from a
 * projection instance of its own (RocksDB under {@code --data-dir}) and opens them with the region's
 * master keys (the same key file or {@code STRONGROOM_MASTER_KEYS} as the gateways).
 */
@Command(name = "replicator", mixinStandardHelpOptions = true,
        description = "Run a replicator instance against an external Kafka and ZooKeeper: carries replicated secrets"
                + " to the peer regions; one instance of the region replicates, the others stand by.")
public final class ReplicatorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ZooKeeperOptions zookeeper;

    @Mixin
    PeersOptions peers;

    @Option(names = "--data-dir", required = true,
            description = "the region's master key file, and this instance's projection (RocksDB)")
    Path dataDir;

    @Option(names = "--ack-timeout-ms", defaultValue = "10000",
            description = "how long a target region may leave a change unanswered before its status turns Failed"
                    + " (default: ${DEFAULT-VALUE})")
    long ackTimeoutMs;

    @Override
    public Integer call() {
        ZooKeeperSettings zk = zookeeper.settings(kafka.insecure).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "Missing required option: '--zookeeper'"));
        if (!peers.configured()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--peers'");
        }
        // The peers file is read (and refused) before anything connects.
        List<PeerRegion> targets = peers.peers(kafka.region);
        Path dir = dataDir.toAbsolutePath();
        TopicProvisioner.ensure(kafka.settings(), kafka.topics());
        ProjectionService projection = new ProjectionService(ProjectionConfig.local(kafka.region, kafka.settings(),
                kafka.topics(), dir.resolve("replicator-projection"), "replicator"));
        projection.start();
        RegionReplication replication = new RegionReplication(kafka.region, kafka.settings(), kafka.topics(),
                ReplicationSettings.of(targets, zk).withAckTimeout(Duration.ofMillis(ackTimeoutMs)),
                projection.readModel(), GatewayAssembly.cipher(dir)).start();
        System.out.println("Strongroom replicator for region " + kafka.region + " towards "
                + targets.stream().map(PeerRegion::name).toList());
        return RunUntilStopped.run("replicator", () -> {
            replication.close();
            projection.stop();
        });
    }
}
