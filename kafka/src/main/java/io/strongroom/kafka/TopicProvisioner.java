package io.strongroom.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.HashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the region's topics if they are missing, with the durability DESIGN asks for: replication
 * factor min(3, brokers), min.insync.replicas = factor - 1 (at least 1), unclean election off.
 * Existing topics are checked for the partition count; only the settings of the shredding bound
 * ({@link ShreddingSettings}) are set on them. A service whose principal may not create topics (a
 * locked-down cluster: see deploy/README) only checks them.
 */
public final class TopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long DAY_MS = 24L * 60 * 60 * 1000;
    /** How long audit records are kept by default; an operator may alter the topic's retention.ms later. */
    public static final long AUDIT_RETENTION_MS = 400 * DAY_MS;

    private TopicProvisioner() {}

    public static void ensure(KafkaSettings kafka, Topics topics) {
        ensure(kafka, topics, ShreddingSettings.PRODUCTION);
    }

    /**
     * Creates missing topics; on existing ones, sets the configuration the shredding bound depends on
     * (commands retention and segment time, keys compaction), so a changed bound applies to them too.
     */
    public static void ensure(KafkaSettings kafka, Topics topics, ShreddingSettings shredding) {
        try (Admin admin = Admin.create(kafka.admin())) {
            int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            short factor = (short) Math.min(3, brokers);
            String minIsr = String.valueOf(Math.max(1, factor - 1));
            Map<String, String> commands = new HashMap<>(shredding.commandsTopic());
            commands.put("min.insync.replicas", minIsr);
            Map<String, String> keys = new HashMap<>(shredding.keysTopic());
            keys.put("min.insync.replicas", minIsr);
            List<NewTopic> wanted = new ArrayList<>();
            wanted.add(topic(topics.commands(), topics.partitions(), factor, commands));
            wanted.add(topic(topics.events(), topics.partitions(), factor, Map.of(
                    "retention.ms", "-1", "retention.bytes", "-1", "min.insync.replicas", minIsr)));
            wanted.add(topic(topics.keys(), topics.partitions(), factor, keys));
            NewTopic audit = topic(topics.audit(), topics.partitions(), factor, Map.of(
                    "retention.ms", String.valueOf(AUDIT_RETENTION_MS), "min.insync.replicas", minIsr));
            // Only the latest day per secret matters; compaction keeps the topic one record per secret.
            wanted.add(topic(topics.access(), topics.partitions(), factor, Map.of(
                    "cleanup.policy", "compact", "min.insync.replicas", minIsr)));
            for (NewTopic topic : wanted) {
                if (!create(admin, topic)) {
                    checkPartitions(admin, topic.name(), topics.partitions());
                }
            }
            // The audit topic's partition count is its own: gateways read it, so it is not checked.
            create(admin, audit);
            align(admin, topics.commands(), shredding.commandsTopic());
            align(admin, topics.keys(), shredding.keysTopic());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + kafka.bootstrapServers() + ": " + e, e);
        }
    }

    private static void align(Admin admin, String topic, Map<String, String> configs)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        List<AlterConfigOp> ops = configs.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        try {
            admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(30, TimeUnit.SECONDS);
            LOG.debug("topic {} configured for the shredding bound: {}", topic, configs);
        } catch (ExecutionException e) {
            // A service without AlterConfigs rights (ACLs) still starts; the operator owns the settings then.
            LOG.warn("cannot set {} on topic {} ({}); the crypto-shredding bound assumes them", configs, topic,
                    e.getCause() == null ? e.toString() : e.getCause().toString());
        }
    }

    private static NewTopic topic(String name, int partitions, short factor, Map<String, String> configs) {
        Map<String, String> all = new java.util.HashMap<>(configs);
        all.put("unclean.leader.election.enable", "false");
        return new NewTopic(name, partitions, factor).configs(all);
    }

    /** True if this call created the topic; false if it existed already. */
    private static boolean create(Admin admin, NewTopic topic) throws InterruptedException, TimeoutException,
            ExecutionException {
        try {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            LOG.info("created topic {} with {} partitions, replication factor {}", topic.name(),
                    topic.numPartitions(), topic.replicationFactor());
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            if (e.getCause() instanceof TopicAuthorizationException
                    || e.getCause() instanceof ClusterAuthorizationException) {
                LOG.info("not allowed to create topic {}; checking that it exists", topic.name());
                return false;
            }
            throw e;
        }
    }

    private static void checkPartitions(Admin admin, String topic, int partitions) throws InterruptedException,
            ExecutionException, TimeoutException {
        TopicDescription description;
        try {
            description = admin.describeTopics(Set.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException) {
                // Under ACLs a service sees only the topics it uses; one it may not describe is not its concern.
                LOG.info("not allowed to describe topic {}; this service does not use it", topic);
                return;
            }
            throw e;
        }
        if (description.partitions().size() != partitions) {
            throw new IllegalStateException("topic " + topic + " has " + description.partitions().size()
                    + " partitions; Strongroom needs " + partitions + " on commands, events and keys alike");
        }
    }
}
