package io.strongroom.deploy.cli;

import io.strongroom.deploy.security.PlaintextGuard;
import io.strongroom.kafka.TopicProvisioner;
import io.strongroom.projection.ProjectionConfig;
import io.strongroom.projection.ProjectionService;
import io.strongroom.projection.tls.InternalTls;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "projection-service", mixinStandardHelpOptions = true,
        description = "Run a projection instance and its internal API against an external Kafka.")
public final class ProjectionServiceCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--data-dir", required = true, description = "this instance's RocksDB directory")
    Path dataDir;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "internal API bind address (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "7080", description = "internal API port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--max-lag", defaultValue = "" + ProjectionConfig.DEFAULT_MAX_SERVING_LAG_RECORDS,
            description = "records behind the log beyond which gateways stop using this instance (default: ${DEFAULT-VALUE})")
    long maxLag;

    @Option(names = "--instance", defaultValue = "0", description = "instance name in logs and client ids")
    String instance;

    @Mixin
    InternalTlsOptions internalTls;

    @Override
    public Integer call() {
        InternalTls tls = internalTls.tls();
        PlaintextGuard.checkListener("the projection API", host, tls != null, kafka.insecure);
        TopicProvisioner.ensure(kafka.settings(), kafka.topics());
        ProjectionService service = new ProjectionService(ProjectionConfig.local(kafka.region, kafka.settings(),
                kafka.topics(), dataDir.toAbsolutePath(), instance).withHttp(host, port).withMaxServingLag(maxLag)
                .withHttpTls(tls));
        service.start();
        System.out.println("Strongroom projection " + instance + " internal API on " + (tls == null ? "http" : "https")
                + "://" + host + ":" + service.httpPort());
        return RunUntilStopped.run("projection-service", service::stop);
    }
}
