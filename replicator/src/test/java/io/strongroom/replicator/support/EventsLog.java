package io.strongroom.replicator.support;

import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.replication.ReplicableEvents;
import io.strongroom.kafka.Records;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Everything a region's events topic holds, read from the beginning at each call. */
public final class EventsLog {
    private EventsLog() {}

    public static List<Outcome> outcomes(TestRegion region) {
        List<Outcome> outcomes = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(region.kafka().consumer("test-log", null))) {
            List<TopicPartition> partitions = consumer.partitionsFor(region.topics.events()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    outcomes.add(Records.outcome(record.value()));
                }
            }
        }
        return outcomes;
    }

    /** The sequence numbers of a secret's replicable events the region applied, in log order. */
    public static List<Long> appliedSeqs(TestRegion region, String secretId) {
        return outcomes(region).stream()
                .filter(o -> o.status() == Outcome.Status.APPLIED && secretId.equals(o.secretId()))
                .flatMap(o -> o.events().stream())
                .filter(e -> ReplicableEvents.isReplicable(e.payload()))
                .map(EventEnvelope::seq)
                .toList();
    }
}
