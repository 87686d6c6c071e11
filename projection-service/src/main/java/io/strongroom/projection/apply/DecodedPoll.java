package io.strongroom.projection.apply;

import io.strongroom.core.event.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll, decoded: the key records in the order of the keys partitions, the outcomes of each events
 * partition in log order, and the consumer's position on every partition right after the poll (what
 * "applied up to" means once this poll is applied; the live position may already be further on when
 * the next poll was read ahead). Decoding touches no shared state, so it may run on any thread.
 */
record DecodedPoll(List<KeyRecord> keys, Map<TopicPartition, List<Pending>> outcomes,
        Map<TopicPartition, Long> positions) {

    /** A key record's {@code secretId/versionId} and its value, checked to decode; null value: a tombstone. */
    record KeyRecord(String recordKey, byte[] value) {}

    record Pending(long offset, Outcome outcome) {}

    static DecodedPoll decode(ConsumerRecords<String, byte[]> records, List<TopicPartition> keyPartitions,
            List<TopicPartition> eventPartitions, Map<TopicPartition, Long> positions) {
        List<KeyRecord> keys = new ArrayList<>();
        for (TopicPartition partition : keyPartitions) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                keys.add(new KeyRecord(RecordDecoder.keyRecordKey(record), RecordDecoder.wrappedKey(record)));
            }
        }
        Map<TopicPartition, List<Pending>> outcomes = new HashMap<>();
        for (TopicPartition partition : eventPartitions) {
            List<ConsumerRecord<String, byte[]>> fresh = records.records(partition);
            if (!fresh.isEmpty()) {
                List<Pending> decoded = new ArrayList<>(fresh.size());
                for (ConsumerRecord<String, byte[]> record : fresh) {
                    decoded.add(new Pending(record.offset(), RecordDecoder.outcome(record)));
                }
                outcomes.put(partition, decoded);
            }
        }
        return new DecodedPoll(keys, outcomes, positions);
    }

    List<Pending> outcomes(TopicPartition partition) {
        return outcomes.getOrDefault(partition, List.of());
    }
}
