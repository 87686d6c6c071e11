package io.strongroom.command.kafka;

import io.strongroom.command.state.StateOverlay;
import io.strongroom.command.state.StateWriter;
import io.strongroom.core.aggregate.CommandHandler;
import io.strongroom.core.event.Outcome;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import io.strongroom.store.SecretStore;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store up to the end of {@code events} for the partitions this instance just gained,
 * before it decides anything there: another instance may have appended while this one did not own
 * them, or this one crashed between a Kafka commit and its RocksDB write. A wiped store replays
 * from offset 0, so the state is rebuilt from the log alone.
 */
public final class EventCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(EventCatchUp.class);

    private final KafkaSettings kafka;
    private final String eventsTopic;
    private final String clientId;

    public EventCatchUp(KafkaSettings kafka, String eventsTopic, String clientId) {
        this.kafka = kafka;
        this.eventsTopic = eventsTopic;
        this.clientId = clientId;
    }

    public void catchUp(SecretStore store, Collection<Integer> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(eventsTopic, p)).toList();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumer(clientId + "-catch-up", null))) {
            consumer.assign(tps);
            tps.forEach(tp -> consumer.seek(tp, store.nextOffset(eventsTopic, tp.partition())));
            Map<TopicPartition, Long> end = consumer.endOffsets(tps);
            long replayed = 0;
            long started = System.nanoTime();
            while (behind(consumer, end)) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                replayed += apply(store, records);
            }
            double seconds = Math.max(System.nanoTime() - started, 1) / 1e9;
            LOG.info("caught up events partitions {}: {} outcomes replayed in {} s, {} records/s", partitions, replayed,
                    String.format("%.3f", seconds), Math.round(replayed / seconds));
        }
    }

    private static boolean behind(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return true;
            }
        }
        return false;
    }

    private int apply(SecretStore store, ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return 0;
        }
        StateOverlay overlay = new StateOverlay(store);
        Map<Integer, Long> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Outcome outcome = Records.outcome(record.value());
            if (outcome.status() == Outcome.Status.APPLIED) {
                overlay.put(CommandHandler.apply(overlay.byId(outcome.secretId()).orElse(null), outcome));
            }
            next.put(record.partition(), record.offset() + 1);
        }
        StateWriter.write(store, overlay, eventsTopic, next);
        return records.count();
    }
}
