package io.strongroom.replicator.kafka;

import io.strongroom.kafka.KafkaSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The own events log as one target's stream reads it: every partition assigned (no group membership,
 * so a standby that takes over never waits for a rebalance), positions committed under the target's
 * group id, read_committed. Not thread-safe: used by its stream's thread only.
 */
public final class OwnEvents implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Map<Integer, Long> committed = new HashMap<>();

    public OwnEvents(KafkaSettings kafka, String topic, String clientId, String groupId, int maxPollRecords,
            Duration timeout) {
        Map<String, Object> config = kafka.consumer(clientId, groupId);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        consumer = new KafkaConsumer<>(config);
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions (not created?)");
            }
            partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    /** Starts from the committed positions (the beginning where none is committed). */
    public ConsumerRecords<String, byte[]> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    /** Stops fetching while the in-flight window is full; polling goes on. */
    public void pause(boolean paused) {
        if (paused) {
            consumer.pause(partitions);
        } else {
            consumer.resume(partitions);
        }
    }

    /** Commits the positions that moved since the last commit. */
    public void commit(Map<Integer, Long> nextOffsets) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffsets.forEach((p, offset) -> {
            if (!offset.equals(committed.get(p))) {
                offsets.put(new TopicPartition(partitions.get(0).topic(), p), new OffsetAndMetadata(offset));
            }
        });
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
            offsets.forEach((tp, offset) -> committed.put(tp.partition(), offset.offset()));
        }
    }

    /** Back to the committed positions: what was read but not acknowledged is read again. */
    public void rewind() {
        Map<TopicPartition, OffsetAndMetadata> stored = consumer.committed(new java.util.HashSet<>(partitions));
        committed.clear();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata offset = stored.get(tp);
            if (offset != null) {
                consumer.seek(tp, offset);
            } else {
                consumer.seekToBeginning(List.of(tp));
            }
        }
    }

    /** True when every partition is known to be read to its end. */
    public boolean atEnd() {
        for (TopicPartition tp : partitions) {
            OptionalLong lag = consumer.currentLag(tp);
            if (lag.isEmpty() || lag.getAsLong() > 0) {
                return false;
            }
        }
        return true;
    }

    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
