package io.strongroom.replicator.kafka;

import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends the replicator's own-region commands (status reports, forget-replica) to the own commands
 * topic under their routing stem. Thread-safe (shared by the streams). A lost report is harmless: the
 * next acknowledgement of that secret reports again.
 */
public final class OwnCommands implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OwnCommands.class);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public OwnCommands(KafkaSettings kafka, String topic, String clientId) {
        this.producer = new KafkaProducer<>(kafka.producer(clientId));
        this.topic = topic;
    }

    public void send(CommandEnvelope command, String routingKey) {
        producer.send(new ProducerRecord<>(topic, routingKey, Records.command(command)), (meta, failure) -> {
            if (failure != null) {
                LOG.warn("command {} not recorded on {}: {}", command.commandId(), topic, failure.toString());
            }
        });
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
