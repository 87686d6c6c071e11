package io.strongroom.deploy.cli;

import io.strongroom.command.CommandService;
import io.strongroom.command.CommandServiceConfig;
import io.strongroom.deploy.cluster.GatewayAssembly;
import io.strongroom.deploy.replication.ReplicationKeyFile;
import io.strongroom.kafka.TopicProvisioner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "command-service", mixinStandardHelpOptions = true,
        description = "Run a command-service instance against an external Kafka.")
public final class CommandServiceCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--data-dir", required = true, description = "this instance's RocksDB directory")
    Path dataDir;

    @Option(names = "--instance", defaultValue = "0",
            description = "stable ordinal of this instance; names its transactional id (default: ${DEFAULT-VALUE})")
    int instance;

    @Option(names = "--key-dir", description = "the region's master key file (or STRONGROOM_MASTER_KEYS) and its"
            + " replication key file (" + ReplicationKeyFile.FILE_NAME + "): with them this instance imports the data"
            + " keys of replicas from other regions; without, replicas with values fail (KEY_FAILED)")
    Path keyDir;

    @Override
    public Integer call() {
        TopicProvisioner.ensure(kafka.settings(), kafka.topics());
        CommandServiceConfig config = CommandServiceConfig.defaults(kafka.region, kafka.settings(),
                kafka.topics(), dataDir.toAbsolutePath()).withInstanceOrdinal(instance);
        if (keyDir != null) {
            Path keys = keyDir.toAbsolutePath();
            config = config.withReplicaKeys(GatewayAssembly.cipher(keys).keys(),
                    ReplicationKeyFile.loadOrCreate(keys).getPrivate());
        }
        CommandService service = new CommandService(config);
        service.start();
        return RunUntilStopped.run("command-service", service);
    }
}
