package io.strongroom.systemtests.support;

import io.strongroom.core.event.Outcome;
import io.strongroom.kafka.Records;
import io.strongroom.kafka.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a region's {@code strongroom.events} topic directly, read_committed, from the beginning to
 * the end offsets seen when the read starts: what any rebuild or replication would see.
 */
public final class EventLog {
    private EventLog() {}

    /** Every committed outcome, partition by partition, each partition in log order. */
    public static List<Outcome> read(String bootstrapServers, Topics topics) {
        List<Outcome> outcomes = new ArrayList<>();
        TopicLog.readToEnd(bootstrapServers, topics.events(), topics.partitions(),
                record -> outcomes.add(Records.outcome(record.value())));
        return outcomes;
    }
}
