package io.strongroom.scheduler.kafka;

import io.strongroom.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the whole events topic from the beginning and then follows it: every partition assigned
 * (no consumer group), read_committed. Knows when it has reached the end offsets it saw at start.
 * Not thread-safe: used from the scheduler's loop thread only (except {@link #wakeup()}).
 */
public final class EventTail implements AutoCloseable {
    private static final Duration METADATA_WAIT = Duration.ofSeconds(30);
    private static final int FETCH_MIN_BYTES = 256 * 1024;
    private static final int FETCH_MAX_WAIT_MS = 500;

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, Long> endAtStart;
    private boolean caughtUp;

    public EventTail(KafkaSettings kafka, String topic, String clientId) {
        Map<String, Object> config = kafka.consumer(clientId, null);
        // Deletions are due by the day and the loop ticks once a second: fetch in bulk instead of one fetch per
        // write (with the default of 1 byte the broker answers this tail after every transaction of the region).
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        consumer = new KafkaConsumer<>(config);
        List<PartitionInfo> infos = partitionsOf(topic);
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        endAtStart = consumer.endOffsets(partitions, Duration.ofSeconds(30));
    }

    /** A topic created a moment ago may not be in every broker's metadata yet: ask again for a while. */
    private List<PartitionInfo> partitionsOf(String topic) {
        long deadline = System.nanoTime() + METADATA_WAIT.toNanos();
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_WAIT);
            if (infos != null && !infos.isEmpty()) {
                return infos;
            }
            if (System.nanoTime() - deadline >= 0) {
                consumer.close();
                throw new IllegalStateException("topic " + topic + " has no partitions (not created?)");
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    public ConsumerRecords<String, byte[]> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    /** True once every partition has been read up to where it ended when this tail started. */
    public boolean caughtUp() {
        if (!caughtUp) {
            caughtUp = endAtStart.entrySet().stream()
                    .allMatch(end -> consumer.position(end.getKey(), Duration.ofSeconds(5)) >= end.getValue());
        }
        return caughtUp;
    }

    /** Makes a blocked {@link #poll} return (with a WakeupException); safe from any thread. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
