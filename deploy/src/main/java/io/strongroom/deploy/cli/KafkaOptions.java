package io.strongroom.deploy.cli;

import io.strongroom.deploy.security.PlaintextGuard;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
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

    @Option(names = "--kafka-config", description = "Kafka client properties file (security.protocol, SASL, TLS);"
            + " see deploy/config/production")
    Path clientConfig;

    @Option(names = "--kafka-property", description = "extra Kafka client property (SASL, TLS), repeatable: key=value;"
            + " overrides --kafka-config")
    Map<String, String> clientProperties = Map.of();

    @Option(names = "--insecure", description = "allow plaintext internal traffic (Kafka, projection API) on"
            + " non-loopback addresses; never in production")
    boolean insecure;

    private KafkaSettings settings;

    /** The Kafka settings, refused (see {@link PlaintextGuard}) if plaintext off loopback without --insecure. */
    KafkaSettings settings() {
        if (settings == null) {
            Map<String, String> all = new LinkedHashMap<>(load(clientConfig));
            all.putAll(clientProperties);
            KafkaSettings candidate = new KafkaSettings(bootstrapServers, all);
            PlaintextGuard.checkKafka(candidate, insecure);
            settings = candidate;
        }
        return settings;
    }

    Topics topics() {
        return Topics.standard(partitions);
    }

    private static Map<String, String> load(Path file) {
        if (file == null) {
            return Map.of();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kafka client config " + file, e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(name -> map.put(name, p.getProperty(name).trim()));
        return map;
    }
}
