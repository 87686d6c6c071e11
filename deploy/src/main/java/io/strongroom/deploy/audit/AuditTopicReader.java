package io.strongroom.deploy.audit;

import io.strongroom.core.audit.AuditRecord;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the audit topic as it is now (up to each partition's end offset when reading starts),
 * partition by partition in offset order: the order each gateway wrote its chain in.
 */
public final class AuditTopicReader {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** What the reader hands on: a record, or the place of one that did not decode. */
    public interface Visitor {
        void record(int partition, long offset, AuditRecord record);

        void undecodable(int partition, long offset);
    }

    private final KafkaSettings kafka;
    private final String topic;

    public AuditTopicReader(KafkaSettings kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    /** Every record; {@code lastPerPartition} > 0 reads only that many from each partition's end. */
    public void read(int lastPerPartition, Visitor visitor) {
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumer("strongroom-audit-reader", null))) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("audit topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
            Map<TopicPartition, Long> begin = new HashMap<>(consumer.beginningOffsets(partitions));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                long from = begin.get(partition);
                if (lastPerPartition > 0) {
                    from = Math.max(from, end.get(partition) - lastPerPartition);
                }
                readPartition(consumer, partition, from, end.get(partition), visitor);
            }
        }
    }

    private static void readPartition(Consumer<String, byte[]> consumer, TopicPartition partition, long from, long to,
            Visitor visitor) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (consumer.position(partition) < to) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cannot read " + partition + " up to offset " + to);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL).records(partition)) {
                if (record.offset() >= to) {
                    return;
                }
                AuditRecord audit;
                try {
                    audit = record.value() == null ? null : Records.audit(record.value());
                } catch (RuntimeException e) {
                    audit = null;
                }
                if (audit == null) {
                    visitor.undecodable(partition.partition(), record.offset());
                } else {
                    visitor.record(partition.partition(), record.offset(), audit);
                }
            }
        }
    }
}
