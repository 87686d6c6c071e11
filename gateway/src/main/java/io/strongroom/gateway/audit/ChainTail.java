package io.strongroom.gateway.audit;

import io.strongroom.core.audit.AuditRecord;
import io.strongroom.kafka.Records;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds the newest record of one gateway in its audit partition, so a restarted gateway continues
 * its chain. Reads backwards in windows from the end: usually the last window holds it.
 */
final class ChainTail {
    private static final int WINDOW = 1000;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private ChainTail() {}

    /** The newest record of {@code gatewayId} in the partition, or null if it has none. */
    static AuditRecord last(Consumer<String, byte[]> consumer, TopicPartition partition, String gatewayId) {
        consumer.assign(List.of(partition));
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(List.of(partition));
        Map<TopicPartition, Long> end = consumer.endOffsets(List.of(partition));
        long start = begin.get(partition);
        long windowEnd = end.get(partition);
        while (windowEnd > start) {
            long windowStart = Math.max(start, windowEnd - WINDOW);
            AuditRecord found = lastIn(consumer, partition, windowStart, windowEnd, gatewayId);
            if (found != null) {
                return found;
            }
            windowEnd = windowStart;
        }
        return null;
    }

    private static AuditRecord lastIn(Consumer<String, byte[]> consumer, TopicPartition partition, long from, long to,
            String gatewayId) {
        consumer.seek(partition, from);
        AuditRecord found = null;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (consumer.position(partition) < to) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cannot read audit partition " + partition + " up to offset " + to
                        + " within " + PATIENCE.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL).records(partition)) {
                if (record.offset() >= to) {
                    break;
                }
                AuditRecord audit = decodeOrNull(record.value());
                if (audit != null && gatewayId.equals(audit.gatewayId())) {
                    found = audit;
                }
            }
        }
        return found;
    }

    /** A record that does not decode is not this gateway's to continue from; the verifier reports it. */
    private static AuditRecord decodeOrNull(byte[] value) {
        try {
            return value == null ? null : Records.audit(value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
