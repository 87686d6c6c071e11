package io.strongroom.projection.apply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;

/**
 * How far this instance has applied each partition (the next offset, as recorded in the store with
 * the state) against how far the log goes. The apply thread writes; {@link #lag()} is a snapshot any
 * thread may read.
 *
 * <p>"Caught up" means every partition has been applied up to the end offset seen at start-up, as
 * DESIGN asks before an instance serves. The lag estimate uses the end offsets the consumer learns
 * from its fetches (the last stable offset under read_committed), never an extra broker call.
 */
final class Progress {
    private final Map<TopicPartition, Long> applied = new HashMap<>();
    private final Map<TopicPartition, Long> knownEnds = new HashMap<>();
    private Map<TopicPartition, Long> startEnds = Map.of();
    private volatile Map<TopicPartition, Long> lag = Map.of();

    /** At (re)start: the offsets recorded in the store and the end offsets seen now. */
    void start(Map<TopicPartition, Long> storedNext, Map<TopicPartition, Long> endsNow) {
        applied.clear();
        applied.putAll(storedNext);
        startEnds = Map.copyOf(endsNow);
        knownEnds.clear();
        knownEnds.putAll(endsNow);
        publishLag();
    }

    long applied(TopicPartition partition) {
        return applied.getOrDefault(partition, 0L);
    }

    /** After a commit: the partition is applied up to (excluding) {@code next}. */
    void applied(TopicPartition partition, long next) {
        applied.put(partition, next);
    }

    /** Learns newer end offsets: position + the consumer's lag estimate for each partition. */
    void observe(List<TopicPartition> partitions, Function<TopicPartition, Long> position,
            Function<TopicPartition, OptionalLong> currentLag) {
        for (TopicPartition partition : partitions) {
            OptionalLong behind = currentLag.apply(partition);
            if (behind.isPresent()) {
                knownEnds.merge(partition, position.apply(partition) + behind.getAsLong(), Math::max);
            }
        }
        publishLag();
    }

    boolean caughtUpToStart() {
        for (Map.Entry<TopicPartition, Long> end : startEnds.entrySet()) {
            if (applied(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    long recordsBehindStart() {
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> end : startEnds.entrySet()) {
            behind += Math.max(0, end.getValue() - applied(end.getKey()));
        }
        return behind;
    }

    Map<TopicPartition, Long> lag() {
        return lag;
    }

    private void publishLag() {
        Map<TopicPartition, Long> snapshot = new HashMap<>();
        knownEnds.forEach((partition, end) -> snapshot.put(partition, Math.max(0, end - applied(partition))));
        lag = Map.copyOf(snapshot);
    }
}
