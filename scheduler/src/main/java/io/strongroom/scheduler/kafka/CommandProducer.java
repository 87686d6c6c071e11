package io.strongroom.scheduler.kafka;

import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends the scheduler's commands to the commands topic under their routing stem, as the gateway
 * does (idempotent, acks=all). A send that fails is logged; the scheduler sends the purge again later.
 */
public final class CommandProducer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandProducer.class);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public CommandProducer(KafkaSettings kafka, String topic, String clientId) {
        this.producer = new KafkaProducer<>(kafka.producer(clientId));
        this.topic = topic;
    }

    public void send(CommandEnvelope command, String routingStem) {
        producer.send(new ProducerRecord<>(topic, routingStem, Records.command(command)), (metadata, failure) -> {
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
