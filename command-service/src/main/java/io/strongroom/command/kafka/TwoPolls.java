package io.strongroom.command.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** One batch made of two polls with no rebalance between them ({@link CommandLoop}). */
final class TwoPolls {
    private TwoPolls() {}

    /** The records of both polls, the second's after the first's on each partition, and the later next offsets. */
    static <K, V> ConsumerRecords<K, V> merge(ConsumerRecords<K, V> first, ConsumerRecords<K, V> second) {
        Map<TopicPartition, List<ConsumerRecord<K, V>>> merged = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecords<K, V> poll : List.of(first, second)) {
            for (TopicPartition partition : poll.partitions()) {
                merged.computeIfAbsent(partition, p -> new ArrayList<>()).addAll(poll.records(partition));
                OffsetAndMetadata offset = poll.nextOffsets().get(partition);
                if (offset != null) {
                    next.put(partition, offset);
                }
            }
        }
        return new ConsumerRecords<>(merged, next);
    }
}
