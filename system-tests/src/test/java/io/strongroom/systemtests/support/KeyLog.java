package io.strongroom.systemtests.support;

import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/** Reads a region's {@code strongroom.keys} topic directly, read_committed, up to its current end. */
public final class KeyLog {
    private KeyLog() {}

    /** The last record of each key ({@code secretId/versionId}); a null value is a tombstone. */
    public static Map<String, byte[]> lastRecords(String bootstrapServers, Topics topics) {
        List<TopicPartition> partitions = IntStream.range(0, topics.partitions())
                .mapToObj(p -> new TopicPartition(topics.keys(), p)).toList();
        Map<String, byte[]> last = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                KafkaSettings.of(bootstrapServers).consumer("strongroom-test-key-log", null))) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Awaitility.await("keys read to " + end)
                    .atMost(Duration.ofSeconds(30))
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                            last.put(record.key(), record.value());
                        }
                        return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                    });
        }
        return last;
    }
}
