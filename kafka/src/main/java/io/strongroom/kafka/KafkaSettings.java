package io.strongroom.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How a service reaches its region's Kafka: the bootstrap servers and any client properties the
 * deployment adds (SASL, TLS). Builds the producer and consumer configurations every service uses,
 * so durability settings (acks=all, idempotence, read_committed) are decided in one place.
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> clientProperties) {
    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, Map.of());
    }

    public Map<String, Object> admin() {
        return base();
    }

    /** Idempotent, acks=all: an acknowledged command survives a broker crash and is never doubled by a retry. */
    public Map<String, Object> producer(String clientId) {
        Map<String, Object> config = base();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    public Map<String, Object> transactionalProducer(String clientId, String transactionalId, int timeoutMs) {
        Map<String, Object> config = producer(clientId);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, timeoutMs);
        // A transaction begun right after a commit meets the coordinator still completing the previous
        // one (CONCURRENT_TRANSACTIONS) and retries after this backoff: the default 100 ms stalled one
        // write cycle in three. The backoff grows on each retry; capped at 20 ms rather than 1 s, since a
        // coordinator busy for a while otherwise left the loop sleeping long after it was done (p99).
        // Reconnecting to a broker that is down has its own backoff (reconnect.backoff.*).
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5);
        config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 20);
        return config;
    }

    /** read_committed: nothing from an aborted or open transaction is ever seen. */
    public Map<String, Object> consumer(String clientId, String groupIdOrNull) {
        Map<String, Object> config = base();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        if (groupIdOrNull != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupIdOrNull);
        }
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }

    public static Properties properties(Map<String, Object> config) {
        Properties p = new Properties();
        p.putAll(config);
        return p;
    }

    private Map<String, Object> base() {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }
}
