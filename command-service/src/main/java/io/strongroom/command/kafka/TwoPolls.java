package io.strongroom.command.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** One batch made of two polls ({@link CommandLoop}): the second's records follow the first's. */
final class TwoPolls {
    private TwoPolls() {}

    /**
     * The records of both polls on the partitions still {@code owned}, in offset order. A partition revoked
     * by a rebalance during the second poll is left out (its new owner reads it from the committed offset);
     * one revoked and assigned back is read again from its committed offset, so what the first poll already
     * holds is not taken twice: a command must not be decided twice.
     */
    static <K, V> ConsumerRecords<K, V> merge(ConsumerRecords<K, V> first, ConsumerRecords<K, V> second,
            Set<TopicPartition> owned) {
        Map<TopicPartition, List<ConsumerRecord<K, V>>> merged = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecords<K, V> poll : List.of(first, second)) {
            for (TopicPartition partition : poll.partitions()) {
                if (owned.contains(partition)) {
                    append(merged.computeIfAbsent(partition, p -> new ArrayList<>()), poll.records(partition));
                    OffsetAndMetadata offset = poll.nextOffsets().get(partition);
                    if (offset != null) {
                        next.put(partition, offset);
                    }
                }
            }
        }
        merged.values().removeIf(List::isEmpty);
        return new ConsumerRecords<>(merged, next);
    }

    private static <K, V> void append(List<ConsumerRecord<K, V>> into, List<ConsumerRecord<K, V>> records) {
        long last = into.isEmpty() ? -1 : into.get(into.size() - 1).offset();
        for (ConsumerRecord<K, V> record : records) {
            if (record.offset() > last) {
                into.add(record);
            }
        }
    }
}
