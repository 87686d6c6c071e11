package io.strongroom.deploy.cli;

import io.strongroom.command.CommandService;
import io.strongroom.command.CommandServiceConfig;
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

    @Override
    public Integer call() {
        TopicProvisioner.ensure(kafka.settings(), kafka.topics());
        CommandService service = new CommandService(CommandServiceConfig.defaults(kafka.region, kafka.settings(),
                kafka.topics(), dataDir.toAbsolutePath()).withInstanceOrdinal(instance));
        service.start();
        return RunUntilStopped.run("command-service", service);
    }
}
