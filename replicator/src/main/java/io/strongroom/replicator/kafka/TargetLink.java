package io.strongroom.replicator.kafka;

import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.replication.PeerRegion;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The two ends of a target region's cluster: an idempotent producer to its commands topic (keyed by
 * the routing stem, as the gateway keys commands) and a reader of its events topic from the moment
 * of {@link #open}, where the target's answers appear. Not thread-safe: one stream's thread only.
 */
public final class TargetLink implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> replies;
    private final String commandsTopic;
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();

    private TargetLink(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> replies,
            String commandsTopic) {
        this.producer = producer;
        this.replies = replies;
        this.commandsTopic = commandsTopic;
    }

    /**
     * Connects to the target and positions the reply reader at the end of its events, before anything
     * is sent. Fails (with a Kafka exception) if the target cannot be reached within {@code timeout}.
     */
    public static TargetLink open(PeerRegion peer, String commandsTopic, String eventsTopic, String clientId,
            Duration timeout) {
        KafkaSettings kafka = new KafkaSettings(peer.kafkaBootstrap(), peer.kafkaProperties());
        KafkaConsumer<String, byte[]> replies = new KafkaConsumer<>(kafka.consumer(clientId + "-replies", null));
        try {
            List<PartitionInfo> infos = replies.partitionsFor(eventsTopic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("region " + peer.name() + " has no topic " + eventsTopic);
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(eventsTopic, i.partition()))
                    .toList();
            replies.assign(partitions);
            replies.seekToEnd(partitions);
            partitions.forEach(tp -> replies.position(tp, timeout));
        } catch (RuntimeException e) {
            replies.close(Duration.ZERO);
            throw e;
        }
        Map<String, Object> config = kafka.producer(clientId + "-commands");
        // A send to an unreachable region must fail fast, not block the stream for a minute.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        return new TargetLink(new KafkaProducer<>(config), replies, commandsTopic);
    }

    /** Appends a command; a failure shows later in {@link #takeSendFailure()}. */
    public void send(CommandEnvelope command, String routingKey) {
        producer.send(new ProducerRecord<>(commandsTopic, routingKey, Records.command(command)), (meta, failure) -> {
            if (failure != null) {
                sendFailure.compareAndSet(null, failure);
            }
        });
    }

    /** The first send failure since the last call, or null. */
    public Exception takeSendFailure() {
        return sendFailure.getAndSet(null);
    }

    public ConsumerRecords<String, byte[]> pollReplies(Duration timeout) {
        return replies.poll(timeout);
    }

    @Override
    public void close() {
        producer.close(Duration.ZERO);
        replies.close(Duration.ofSeconds(2));
    }
}
