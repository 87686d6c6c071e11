package io.strongroom.deploy.cli;

import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every service started against an external Kafka cluster shares. */
final class KafkaOptions {
    @Option(names = "--kafka", required = true, description = "bootstrap servers of the region's Kafka cluster")
    String bootstrapServers;

    @Option(names = "--region", defaultValue = "us-east-1", description = "the region this service belongs to (default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--partitions", defaultValue = "" + Topics.DEFAULT_PARTITIONS,
            description = "partitions of the commands, events and keys topics (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--kafka-property", description = "extra Kafka client property (SASL, TLS), repeatable: key=value")
    Map<String, String> clientProperties = Map.of();

    KafkaSettings settings() {
        return new KafkaSettings(bootstrapServers, clientProperties);
    }

    Topics topics() {
        return Topics.standard(partitions);
    }
}
