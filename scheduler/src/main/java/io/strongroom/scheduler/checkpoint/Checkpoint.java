package io.strongroom.scheduler.checkpoint;

import io.strongroom.scheduler.index.ScheduledDeletions;
import java.util.Map;

/**
 * How far a scheduler instance had read the events topic, and the index folded from everything before.
 *
 * @param v the layout's version; a checkpoint of another version is not used (the log is read from the start)
 * @param topicId the id Kafka gave {@code topic}: a topic deleted and created again under its name has another
 * @param positions per partition of {@code topic}: the offset of the next record to fold
 */
public record Checkpoint(int v, String topic, String topicId, Map<Integer, Long> positions,
        ScheduledDeletions.Snapshot index) {
    public static final int CURRENT_VERSION = 1;

    public Checkpoint {
        positions = positions == null ? Map.of() : Map.copyOf(positions);
    }

    public Checkpoint(String topic, String topicId, Map<Integer, Long> positions, ScheduledDeletions.Snapshot index) {
        this(CURRENT_VERSION, topic, topicId, positions, index);
    }
}
