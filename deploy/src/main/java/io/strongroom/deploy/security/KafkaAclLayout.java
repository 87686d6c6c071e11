package io.strongroom.deploy.security;

import io.strongroom.command.CommandServiceConfig;
import io.strongroom.kafka.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least-privilege ACLs of one region's Kafka cluster (deploy/README, "Locked-down internals").
 * Only gateways, the scheduler and replicators write commands; only command-service writes events and
 * keys, under its transactional ids and consumer group; projections and replicators only read the
 * log. Topics are created by an administrator (super user), so no service holds CREATE.
 */
public final class KafkaAclLayout {
    /** Where the audit trail goes (written by gateways); granted ahead so the layout does not change with it. */
    public static final String AUDIT_TOPIC = "strongroom.audit";
    public static final String SCHEDULER_GROUP_PREFIX = "strongroom-scheduler";
    public static final String REPLICATOR_GROUP_PREFIX = "strongroom-replicator";
    /** Command-service's transactional ids are {@code strongroom-command-service-<region>-<ordinal>}. */
    public static final String COMMAND_SERVICE_TRANSACTIONAL_PREFIX = "strongroom-command-service-";

    /** Kafka principals ({@code User:<name>}) the region's services authenticate as. */
    public record Principals(String gateway, String commandService, String projection, String scheduler,
            String replicator) {
        public static Principals standard() {
            return new Principals("User:gateway", "User:command-service", "User:projection-service",
                    "User:scheduler", "User:replicator");
        }
    }

    private KafkaAclLayout() {}

    public static List<AclBinding> bindings(Topics topics, Principals who) {
        List<AclBinding> acl = new ArrayList<>();
        for (String writer : List.of(who.gateway(), who.scheduler(), who.replicator())) {
            allow(acl, writer, topic(topics.commands()), AclOperation.WRITE, AclOperation.DESCRIBE);
        }
        allow(acl, who.gateway(), topic(AUDIT_TOPIC), AclOperation.WRITE, AclOperation.DESCRIBE);

        allow(acl, who.commandService(), topic(topics.commands()), AclOperation.READ, AclOperation.DESCRIBE);
        allow(acl, who.commandService(), topic(topics.events()), AclOperation.WRITE, AclOperation.READ,
                AclOperation.DESCRIBE);
        allow(acl, who.commandService(), topic(topics.keys()), AclOperation.WRITE, AclOperation.DESCRIBE);
        allow(acl, who.commandService(), new ResourcePattern(ResourceType.GROUP, CommandServiceConfig.GROUP_ID,
                PatternType.LITERAL), AclOperation.READ, AclOperation.DESCRIBE);
        allow(acl, who.commandService(), new ResourcePattern(ResourceType.TRANSACTIONAL_ID,
                COMMAND_SERVICE_TRANSACTIONAL_PREFIX, PatternType.PREFIXED), AclOperation.WRITE, AclOperation.DESCRIBE);

        for (String reader : List.of(who.projection(), who.scheduler())) {
            allow(acl, reader, topic(topics.events()), AclOperation.READ, AclOperation.DESCRIBE);
        }
        allow(acl, who.projection(), topic(topics.keys()), AclOperation.READ, AclOperation.DESCRIBE);
        allow(acl, who.scheduler(), group(SCHEDULER_GROUP_PREFIX), AclOperation.READ, AclOperation.DESCRIBE);
        // Replicators of other regions read this region's events (values stay sealed under this region's keys).
        allow(acl, who.replicator(), topic(topics.events()), AclOperation.READ, AclOperation.DESCRIBE);
        allow(acl, who.replicator(), group(REPLICATOR_GROUP_PREFIX), AclOperation.READ, AclOperation.DESCRIBE);
        return List.copyOf(acl);
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static ResourcePattern group(String prefix) {
        return new ResourcePattern(ResourceType.GROUP, prefix, PatternType.PREFIXED);
    }

    private static void allow(List<AclBinding> acl, String principal, ResourcePattern resource,
            AclOperation... operations) {
        for (AclOperation operation : operations) {
            acl.add(new AclBinding(resource, new AccessControlEntry(principal, "*", operation,
                    AclPermissionType.ALLOW)));
        }
    }
}
