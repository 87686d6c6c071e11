package io.strongroom.replicator.kafka;

import io.strongroom.core.event.Outcome;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one partition of the own events log from its beginning up to its end at the time of the call
 * (read_committed, no group): the source of replays and of facts about secrets first seen mid-log.
 * Not thread-safe: one per target stream.
 */
public final class PartitionScan implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Duration timeout;

    public PartitionScan(KafkaSettings kafka, String topic, String clientId, Duration timeout) {
        this.consumer = new KafkaConsumer<>(kafka.consumer(clientId, null));
        this.topic = topic;
        this.timeout = timeout;
    }

    /** Visits every decodable outcome of the partition, in log order. */
    public void scan(int partition, Consumer<Outcome> visitor) {
        TopicPartition tp = new TopicPartition(topic, partition);
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
        long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
        while (consumer.position(tp, timeout) < end) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.offset() >= end) {
                    return;
                }
                try {
                    visitor.accept(Records.outcome(record.value()));
                } catch (UncheckedIOException e) {
                    // The live stream logs undecodable records; a scan just passes them by.
                }
            }
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
