package io.strongroom.command.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class TwoPollsTest {
    private static final TopicPartition P0 = new TopicPartition("strongroom.commands", 0);
    private static final TopicPartition P1 = new TopicPartition("strongroom.commands", 1);

    @Test
    void theSecondPollsRecordsFollowTheFirstsPerPartition() {
        ConsumerRecords<String, String> first = poll(Map.of(P0, range(P0, 10, 12), P1, range(P1, 3, 3)));
        ConsumerRecords<String, String> second = poll(Map.of(P0, range(P0, 13, 14)));

        ConsumerRecords<String, String> batch = TwoPolls.merge(first, second);

        assertThat(offsets(batch, P0)).containsExactly(10L, 11L, 12L, 13L, 14L);
        assertThat(offsets(batch, P1)).containsExactly(3L);
        assertThat(batch.nextOffsets().get(P0).offset()).isEqualTo(15);
        assertThat(batch.nextOffsets().get(P1).offset()).isEqualTo(4);
    }

    private static List<ConsumerRecord<String, String>> range(TopicPartition partition, long from, long to) {
        return LongStream.rangeClosed(from, to)
                .mapToObj(offset -> new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "stem", "c" + offset))
                .toList();
    }

    private static ConsumerRecords<String, String> poll(Map<TopicPartition, List<ConsumerRecord<String, String>>> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        records.forEach((partition, list) -> next.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1)));
        return new ConsumerRecords<>(records, next);
    }

    private static List<Long> offsets(ConsumerRecords<String, String> batch, TopicPartition partition) {
        return batch.records(partition).stream().map(ConsumerRecord::offset).toList();
    }
}
