package io.strongroom.command;

import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.ShreddingSettings;
import io.strongroom.kafka.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * @param instanceOrdinal stable across restarts of the same instance: it names the transactional id,
 *     so a restarted instance fences its own zombie
 * @param transactionTimeoutMs how long the broker waits before aborting a transaction whose producer died
 * @param keysRollAfter the keys topic's {@code segment.ms}: this long after a keys partition's last key
 *     write, a roll marker is appended so the segment holding a tombstone is rolled and can be compacted
 */
public record CommandServiceConfig(
        String region,
        KafkaSettings kafka,
        Topics topics,
        Path dataDir,
        int instanceOrdinal,
        int transactionTimeoutMs,
        int maxBatchRecords,
        Clock clock,
        Duration keysRollAfter) {

    public static final String GROUP_ID = "strongroom-command-service";

    public CommandServiceConfig(String region, KafkaSettings kafka, Topics topics, Path dataDir, int instanceOrdinal,
            int transactionTimeoutMs, int maxBatchRecords, Clock clock) {
        this(region, kafka, topics, dataDir, instanceOrdinal, transactionTimeoutMs, maxBatchRecords, clock,
                ShreddingSettings.PRODUCTION.keysSegment());
    }

    public static CommandServiceConfig defaults(String region, KafkaSettings kafka, Topics topics, Path dataDir) {
        return new CommandServiceConfig(region, kafka, topics, dataDir, 0, 10_000, 500, Clock.systemUTC());
    }

    public CommandServiceConfig withInstanceOrdinal(int ordinal) {
        return new CommandServiceConfig(region, kafka, topics, dataDir, ordinal, transactionTimeoutMs,
                maxBatchRecords, clock, keysRollAfter);
    }

    public CommandServiceConfig withClock(Clock newClock) {
        return new CommandServiceConfig(region, kafka, topics, dataDir, instanceOrdinal, transactionTimeoutMs,
                maxBatchRecords, newClock, keysRollAfter);
    }

    public CommandServiceConfig withShredding(ShreddingSettings shredding) {
        return new CommandServiceConfig(region, kafka, topics, dataDir, instanceOrdinal, transactionTimeoutMs,
                maxBatchRecords, clock, shredding.keysSegment());
    }

    public String transactionalId() {
        return "strongroom-command-service-" + region + "-" + instanceOrdinal;
    }
}
