package io.strongroom.deploy.cli;

import io.strongroom.deploy.audit.AuditTopicReader;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the audit trail is: the cluster and the topic. */
final class AuditTopicOptions {
    @Option(names = "--kafka", required = true, description = "bootstrap servers of the region's Kafka cluster")
    String bootstrapServers;

    @Option(names = "--topic", description = "the audit topic (default: ${DEFAULT-VALUE})")
    String topic = Topics.standard(Topics.DEFAULT_PARTITIONS).audit();

    @Option(names = "--kafka-property", description = "extra Kafka client property (SASL, TLS), repeatable: key=value")
    Map<String, String> clientProperties = Map.of();

    AuditTopicReader reader() {
        return new AuditTopicReader(new KafkaSettings(bootstrapServers, clientProperties), topic);
    }
}
