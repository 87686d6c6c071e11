package io.strongroom.deploy.cli;

import io.strongroom.coordination.ZooKeeperSettings;
import io.strongroom.kafka.TopicProvisioner;
import io.strongroom.scheduler.DeletionScheduler;
import io.strongroom.scheduler.SchedulerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "scheduler", mixinStandardHelpOptions = true,
        description = "Run a deletion scheduler instance against an external Kafka and ZooKeeper; "
                + "one instance of the region purges, the others stand by.")
public final class SchedulerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ZooKeeperOptions zookeeper;

    @Option(names = "--tick-ms", defaultValue = "5000",
            description = "how often the active instance looks for secrets to purge (default: ${DEFAULT-VALUE})")
    long tickMs;

    @Option(names = "--state-dir",
            description = "where this instance keeps its checkpoint, so a restart need not re-read the whole events"
                    + " log (one directory per instance; default: none)")
    Path stateDir;

    @Override
    public Integer call() {
        ZooKeeperSettings zk = zookeeper.settings(kafka.insecure).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "Missing required option: '--zookeeper'"));
        TopicProvisioner.ensure(kafka.settings(), kafka.topics());
        DeletionScheduler scheduler = new DeletionScheduler(SchedulerConfig.defaults(kafka.region, kafka.settings(),
                kafka.topics(), zk).withTick(Duration.ofMillis(tickMs))
                .withStateDir(stateDir == null ? null : stateDir.toAbsolutePath())).start();
        System.out.println("Strongroom deletion scheduler " + scheduler.instanceId() + " for region " + kafka.region);
        return RunUntilStopped.run("scheduler", scheduler);
    }
}
