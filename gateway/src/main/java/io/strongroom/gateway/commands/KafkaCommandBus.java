package io.strongroom.gateway.commands;

import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import io.strongroom.kafka.Topics;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CommandBus} on Kafka: one idempotent, acks=all producer per gateway.
 *
 * <p>{@code KafkaProducer.send} can block (for topic metadata, or when its buffer is full), so it is
 * called from one dedicated thread, never from the caller's (an event loop). The returned future
 * completes on the producer's I/O thread when the broker acknowledges.
 */
public final class KafkaCommandBus implements CommandBus, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCommandBus.class);
    /**
     * How long a command waits for others to share its produce request: Kafka 4's default (KIP-1030),
     * against the 1 ms of {@link KafkaSettings#producer}. The broker's cost follows its request count, so
     * at 2,000 puts/s this saves a sixth of a put's CPU; an idle write takes about 4 ms longer (README,
     * Performance, round 16).
     */
    static final int LINGER_MS = 5;

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "strongroom-command-bus");
        thread.setDaemon(true);
        return thread;
    });

    public KafkaCommandBus(KafkaSettings kafka, Topics topics, String clientId) {
        this(new KafkaProducer<>(producerConfig(kafka, clientId)), topics.commands());
    }

    static Map<String, Object> producerConfig(KafkaSettings kafka, String clientId) {
        Map<String, Object> config = kafka.producer(clientId);
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        return config;
    }

    /** For tests and custom producers; the bus closes the producer. */
    public KafkaCommandBus(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public CompletableFuture<Void> send(CommandEnvelope command, String routingKey) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, routingKey, Records.command(command));
        try {
            sender.execute(() -> {
                try {
                    producer.send(record, (metadata, failure) -> {
                        if (failure != null) {
                            LOG.warn("command {} not recorded on {}: {}", command.commandId(), topic, failure.toString());
                            acked.completeExceptionally(failure);
                        } else {
                            acked.complete(null);
                        }
                    });
                } catch (RuntimeException failure) {
                    LOG.warn("command {} not sent to {}: {}", command.commandId(), topic, failure.toString());
                    acked.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException closed) {
            acked.completeExceptionally(new IllegalStateException("command bus is closed"));
        }
        return acked;
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
