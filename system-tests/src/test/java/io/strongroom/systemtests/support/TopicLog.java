package io.strongroom.systemtests.support;

import io.strongroom.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/** Reads a topic of a region directly, read_committed, from the beginning up to its end at the time of the call. */
final class TopicLog {
    private TopicLog() {}

    /** Hands every record, partition by partition and each partition in log order, to {@code each}. */
    static void readToEnd(String bootstrapServers, String topic, int partitions,
            Consumer<ConsumerRecord<String, byte[]>> each) {
        List<TopicPartition> all = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                KafkaSettings.of(bootstrapServers).consumer("strongroom-test-" + topic, null))) {
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> end = consumer.endOffsets(all, Duration.ofSeconds(30));
            Awaitility.await(topic + " read to " + end)
                    .atMost(Duration.ofSeconds(30))
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(each);
                        return all.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                    });
        }
    }
}
