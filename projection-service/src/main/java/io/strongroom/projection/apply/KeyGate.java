package io.strongroom.projection.apply;

import io.strongroom.core.event.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an APPLIED outcome may be folded yet, given the data keys of the versions it adds.
 *
 * <p>Why it exists: command-service writes a version's key record (keys topic) and its outcome (events
 * topic) in one Kafka transaction, but on two topics, so this consumer can read the outcome before the
 * key. A version made visible without its key would answer GetSecretValue with a decryption failure,
 * so the outcome's events partition waits (the apply loop buffers it and keeps polling everything
 * else) until the key has arrived.
 *
 * <p>Why it never waits forever: a purge tombstones its versions' keys, and compaction eventually
 * removes both the key and the tombstone, while the outcome that added the version stays in the log
 * forever. A rebuild meets that outcome and no key will ever come. Key and outcome were written in one
 * transaction, so once the outcome is visible the key record was already appended to the keys topic:
 * it lies below the keys partitions' high watermark. The gate fetches those high watermarks once,
 * after it has seen the outcome; when this consumer's positions on the keys partitions have reached
 * them and the key is still missing, compaction shredded it, and the outcome is applied without it
 * (the purge that follows removes the version anyway).
 *
 * <p>Why the high watermark and not the last stable offset (a read_committed consumer's endOffsets):
 * a commit writes its markers to each partition separately, so for a moment the outcome's partition
 * shows the commit while the keys partition does not, and its last stable offset still lies before
 * the key. Positions reach that offset at once and the gate would let the version through without its
 * key. The high watermark already counts the key record; positions reach it only once the key's
 * transaction is resolved and the key read. It checks every keys partition, not only the outcome's
 * partition number, so it does not depend on how command-service partitions key records; an
 * unrelated open transaction on the keys topic delays a shredded key's outcome by at most the
 * transaction timeout.
 *
 * <p>The same argument spares a replay the lookups: every outcome below the events end offsets seen at
 * start-up was committed before the gate then fetched the keys topic's high watermarks, so once the
 * positions on the keys partitions reach those, each such outcome's key has been applied or shredded
 * and none needs looking up. Looking each key up in the store was a fifth of a rebuild's apply thread
 * (perf), and the keys topic, with its smaller records, is read well ahead of the events.
 */
final class KeyGate {
    private static final Logger LOG = LoggerFactory.getLogger(KeyGate.class);

    /** This consumer's view of the keys topic. */
    interface KeysTopic {
        /** Fetched from the broker now: the high watermark of every keys partition. */
        Map<TopicPartition, Long> highWatermarks();

        long position(TopicPartition partition);
    }

    private record Hold(String commandId, Map<TopicPartition, Long> keysEnd) {}

    private final KeysTopic keys;
    private final Map<TopicPartition, Hold> holds = new HashMap<>();
    private Map<TopicPartition, Long> startEventsEnd = Map.of();
    private Map<TopicPartition, Long> startKeysEnd = Map.of();
    private boolean startKeysRead;

    KeyGate(KeysTopic keys) {
        this.keys = keys;
    }

    /**
     * At start-up, after reading the events end offsets ({@code eventsEnd}, last stable offsets): fetches
     * the keys topic's high watermarks, which cover the key of every outcome below them.
     */
    void startedAt(Map<TopicPartition, Long> eventsEnd) {
        startKeysRead = false;
        try {
            startKeysEnd = keys.highWatermarks();
            startEventsEnd = Map.copyOf(eventsEnd);
        } catch (KafkaException e) {
            if (e instanceof InterruptException) {
                throw e;
            }
            // Only a shortcut: without it every replayed key is looked up, as for live outcomes.
            startEventsEnd = Map.of();
            LOG.warn("the replay looks up every data key: the keys topic's high watermarks could not be read ({})",
                    e.toString());
        }
    }

    /**
     * @param eventsPartition where the outcome was read
     * @param offset the outcome's offset there
     * @param keyPresent whether a key record (secretId/versionId) is in the store or the pending batch
     * @return true if the outcome, and with it the rest of its partition, must wait
     */
    boolean mustWait(TopicPartition eventsPartition, long offset, Outcome outcome, Predicate<String> keyPresent) {
        if (keyAppliedBeforeStartUp(eventsPartition, offset)) {
            holds.remove(eventsPartition);
            return false;
        }
        List<String> added = OutcomeFold.addedKeys(outcome);
        List<String> missing = added.isEmpty() ? added : added.stream().filter(keyPresent.negate()).toList();
        if (missing.isEmpty()) {
            holds.remove(eventsPartition);
            return false;
        }
        Hold hold = holds.get(eventsPartition);
        if (hold == null || !hold.commandId().equals(outcome.commandId())) {
            hold = new Hold(outcome.commandId(), keys.highWatermarks());
            holds.put(eventsPartition, hold);
        }
        if (reached(hold.keysEnd())) {
            holds.remove(eventsPartition);
            LOG.info("applying outcome of command {} without {} data key(s) of secret {}: shredded by compaction",
                    outcome.commandId(), missing.size(), outcome.secretId());
            return false;
        }
        return true;
    }

    boolean isHolding(TopicPartition eventsPartition) {
        return holds.containsKey(eventsPartition);
    }

    /** Forgets every hold (the loop rewinds to the stored offsets after a retriable failure). */
    void clear() {
        holds.clear();
        startKeysRead = false; // the keys applied with the failed batch are read again
    }

    /** Whether the outcome was committed before start-up and the keys topic is applied up to where it ended then. */
    private boolean keyAppliedBeforeStartUp(TopicPartition eventsPartition, long offset) {
        if (offset >= startEventsEnd.getOrDefault(eventsPartition, 0L)) {
            return false;
        }
        if (!startKeysRead) {
            startKeysRead = reached(startKeysEnd);
        }
        return startKeysRead;
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (keys.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
