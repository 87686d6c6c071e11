package io.strongroom.deploy.cli;

import io.strongroom.deploy.security.KafkaAclLayout;
import io.strongroom.kafka.TopicProvisioner;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "kafka-acls", mixinStandardHelpOptions = true,
        description = {"Lock down a region's Kafka cluster: create the topics and the least-privilege ACLs of each"
                + " service principal (deploy/README.md, \"Locked-down internals\").",
                "Run once per region as a Kafka super user (--kafka-config with the admin's SASL/TLS settings)."})
public final class KafkaAclsCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--dry-run", description = "print the ACLs without connecting")
    boolean dryRun;

    @Option(names = "--gateway-principal", defaultValue = "User:gateway", description = "default: ${DEFAULT-VALUE}")
    String gateway;

    @Option(names = "--command-service-principal", defaultValue = "User:command-service",
            description = "default: ${DEFAULT-VALUE}")
    String commandService;

    @Option(names = "--projection-principal", defaultValue = "User:projection-service",
            description = "default: ${DEFAULT-VALUE}")
    String projection;

    @Option(names = "--scheduler-principal", defaultValue = "User:scheduler", description = "default: ${DEFAULT-VALUE}")
    String scheduler;

    @Option(names = "--replicator-principal", defaultValue = "User:replicator", description = "default: ${DEFAULT-VALUE}")
    String replicator;

    @Override
    public Integer call() throws InterruptedException, ExecutionException, TimeoutException {
        List<AclBinding> bindings = KafkaAclLayout.bindings(kafka.topics(),
                new KafkaAclLayout.Principals(gateway, commandService, projection, scheduler, replicator));
        bindings.forEach(binding -> System.out.println(describe(binding)));
        if (dryRun) {
            return 0;
        }
        TopicProvisioner.ensure(kafka.settings(), kafka.topics());
        try (Admin admin = Admin.create(kafka.settings().admin())) {
            admin.createAcls(bindings).all().get(60, TimeUnit.SECONDS);
        }
        System.out.println("created " + bindings.size() + " ACLs on " + kafka.bootstrapServers);
        return 0;
    }

    private static String describe(AclBinding binding) {
        return binding.entry().permissionType() + " " + binding.entry().principal() + " "
                + binding.entry().operation() + " " + binding.pattern().resourceType() + ":"
                + binding.pattern().name() + (binding.pattern().patternType().name().equals("PREFIXED") ? "*" : "");
    }
}
