package io.strongroom.command;

import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import java.nio.file.Path;
import java.time.Clock;

/**
 * @param instanceOrdinal stable across restarts of the same instance: it names the transactional id,
 *     so a restarted instance fences its own zombie
 * @param transactionTimeoutMs how long the broker waits before aborting a transaction whose producer died
 */
public record CommandServiceConfig(
        String region,
        KafkaSettings kafka,
        Topics topics,
        Path dataDir,
        int instanceOrdinal,
        int transactionTimeoutMs,
        int maxBatchRecords,
        Clock clock) {

    public static final String GROUP_ID = "strongroom-command-service";

    public static CommandServiceConfig defaults(String region, KafkaSettings kafka, Topics topics, Path dataDir) {
        return new CommandServiceConfig(region, kafka, topics, dataDir, 0, 10_000, 500, Clock.systemUTC());
    }

    public CommandServiceConfig withInstanceOrdinal(int ordinal) {
        return new CommandServiceConfig(region, kafka, topics, dataDir, ordinal, transactionTimeoutMs,
                maxBatchRecords, clock);
    }

    public CommandServiceConfig withClock(Clock newClock) {
        return new CommandServiceConfig(region, kafka, topics, dataDir, instanceOrdinal, transactionTimeoutMs,
                maxBatchRecords, newClock);
    }

    public String transactionalId() {
        return "strongroom-command-service-" + region + "-" + instanceOrdinal;
    }
}
