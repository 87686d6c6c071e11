package io.strongroom.systemtests.support;

import io.strongroom.core.event.Outcome;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import io.strongroom.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * Reads a region's {@code strongroom.events} topic directly, read_committed, from the beginning to
 * the end offsets seen when the read starts: what any rebuild or replication would see.
 */
public final class EventLog {
    private EventLog() {}

    /** Every committed outcome, partition by partition, each partition in log order. */
    public static List<Outcome> read(String bootstrapServers, Topics topics) {
        List<TopicPartition> partitions = IntStream.range(0, topics.partitions())
                .mapToObj(p -> new TopicPartition(topics.events(), p)).toList();
        List<Outcome> outcomes = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                KafkaSettings.of(bootstrapServers).consumer("strongroom-test-event-log", null))) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Awaitility.await("events read to " + end)
                    .atMost(Duration.ofSeconds(30))
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                            outcomes.add(Records.outcome(record.value()));
                        }
                        return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                    });
        }
        return outcomes;
    }
}
