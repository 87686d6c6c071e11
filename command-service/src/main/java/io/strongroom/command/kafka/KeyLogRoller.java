package io.strongroom.command.kafka;

import io.strongroom.core.aggregate.KeyChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Keeps the shredding bound on the keys topic when it goes quiet. Kafka never compacts the active
 * segment, and rolls a segment only when a record is appended after {@code segment.ms}: a tombstone
 * written last on an idle partition would keep its wrapped key (earlier in the same segment) for as
 * long as nothing else is written there. So {@code segment.ms} after the last key write to a partition
 * this instance owns, it appends a roll marker there: a tombstone for {@link KeyChange#ROLL_MARKER_PREFIX}
 * that names no version (readers delete a key that never existed). The marker itself is not a key
 * write, so a quiet partition gets exactly one. (Checked with Kafka 4.4: without markers the put of a
 * purged key was still in the keys topic's active segment 90 s after the purge, with segment.ms 1 s.)
 * Runs on the command loop's thread.
 */
final class KeyLogRoller {
    private final String keysTopic;
    private final Duration rollAfter;
    private final Map<Integer, Instant> lastKeyWrite = new HashMap<>();

    KeyLogRoller(String keysTopic, Duration rollAfter) {
        this.keysTopic = keysTopic;
        this.rollAfter = rollAfter;
    }

    /** Partitions gained: a previous owner may have died before its marker, so each gets one. */
    void assigned(Collection<Integer> partitions, Instant now) {
        partitions.forEach(p -> lastKeyWrite.putIfAbsent(p, now));
    }

    void revoked(Collection<Integer> partitions) {
        partitions.forEach(lastKeyWrite::remove);
    }

    /** Notes the key records of a committed transaction. */
    void written(List<ProducerRecord<String, byte[]>> records, Instant now) {
        for (ProducerRecord<String, byte[]> record : records) {
            if (record.topic().equals(keysTopic) && !KeyChange.isRollMarker(record.key())) {
                lastKeyWrite.put(record.partition(), now);
            }
        }
    }

    /** The markers due now; once sent and committed, call {@link #rolled}. */
    List<ProducerRecord<String, byte[]>> due(Instant now) {
        List<ProducerRecord<String, byte[]>> markers = new ArrayList<>();
        lastKeyWrite.forEach((partition, written) -> {
            if (!now.isBefore(written.plus(rollAfter).plusMillis(1))) {
                markers.add(new ProducerRecord<>(keysTopic, partition, KeyChange.ROLL_MARKER_PREFIX + partition, null));
            }
        });
        return markers;
    }

    void rolled(List<ProducerRecord<String, byte[]>> markers) {
        markers.forEach(marker -> lastKeyWrite.remove(marker.partition()));
    }
}
