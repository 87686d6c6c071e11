package io.strongroom.systemtests.support;

import io.strongroom.kafka.Topics;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a region's {@code strongroom.keys} topic directly, read_committed, up to its current end. */
public final class KeyLog {
    private KeyLog() {}

    /** The last record of each key ({@code secretId/versionId}); a null value is a tombstone. */
    public static Map<String, byte[]> lastRecords(String bootstrapServers, Topics topics) {
        Map<String, byte[]> last = new LinkedHashMap<>();
        TopicLog.readToEnd(bootstrapServers, topics.keys(), topics.partitions(),
                record -> last.put(record.key(), record.value()));
        return last;
    }
}
