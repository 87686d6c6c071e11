package io.strongroom.deploy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.strongroom.kafka.KafkaSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Kafka client samples in deploy/config/production pass the plaintext check and name the layout's principals. */
class ProductionSamplesTest {
    private static final Path SAMPLES = Path.of("config", "production");

    @Test
    void everyServiceSampleIsEncryptedOffLoopback() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            samples = files.filter(f -> f.getFileName().toString().startsWith("kafka-client-")).toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(4);
        for (Path sample : samples) {
            KafkaSettings settings = new KafkaSettings("kafka-1.internal:9093", load(sample));
            assertThatCode(() -> PlaintextGuard.checkKafka(settings, false)).as(sample.toString())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theServiceSamplesAuthenticateAsTheLayoutsPrincipals() throws IOException {
        KafkaAclLayout.Principals standard = KafkaAclLayout.Principals.standard();
        assertThat(jaas("gateway")).contains("username=\"" + user(standard.gateway()) + "\"");
        assertThat(jaas("command-service")).contains("username=\"" + user(standard.commandService()) + "\"");
        assertThat(jaas("projection-service")).contains("username=\"" + user(standard.projection()) + "\"");
    }

    private static String jaas(String service) throws IOException {
        return load(SAMPLES.resolve("kafka-client-" + service + ".properties")).get("sasl.jaas.config");
    }

    private static String user(String principal) {
        return principal.substring("User:".length());
    }

    private static Map<String, String> load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        Map<String, String> map = new HashMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }
}
