package io.strongroom.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings that bound how long a wrapped data key outlives a purge (README, "Crypto-shredding").
 * A wrapped key exists in three places, each with its own bound after the purge:
 * <ul>
 *   <li>{@code strongroom.commands}: the command that brought the value (written before the purge)
 *       is deleted once its segment rolled and expired: commandsSegment + commandsRetention +
 *       retentionCheckInterval + fileDeleteDelay;</li>
 *   <li>{@code strongroom.keys}: the tombstone must leave the active segment (command-service appends a
 *       roll marker keysSegment after a partition's last key write), then the cleaner compacts the put
 *       away within max(keysSegment + rollCheck, keysMaxCompactionLag) + cleanerBackoff, and deletes the
 *       old segment files after fileDeleteDelay;</li>
 *   <li>RocksDB: the purge is applied with a range deletion over {@code secretId/}, a flush and a
 *       compaction of that range, within seconds of the projection applying it.</li>
 * </ul>
 * {@link #bound()} is the largest of these. Broker-wide settings are the broker's own; {@link
 * #brokerProperties()} gives them for the embedded broker.
 */
public record ShreddingSettings(
        Duration commandsRetention,
        Duration commandsSegment,
        Duration keysSegment,
        Duration keysMaxCompactionLag,
        double keysMinCleanableDirtyRatio,
        Duration keysDeleteRetention,
        Duration fileDeleteDelay,
        Duration retentionCheckInterval,
        Duration cleanerBackoff,
        Duration rollCheck) {

    /** Production: every copy of a purged secret's data keys is gone within 24 hours. */
    public static final ShreddingSettings PRODUCTION = new ShreddingSettings(
            Duration.ofHours(20), Duration.ofHours(1),
            Duration.ofHours(1), Duration.ofHours(6), 0.01, Duration.ofHours(1),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofSeconds(15), Duration.ofSeconds(10));

    /** Seconds instead of hours, for tests that prove the bound on the bytes. */
    public static ShreddingSettings seconds() {
        return new ShreddingSettings(
                Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(2), 0.01, Duration.ofSeconds(1),
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMillis(200));
    }

    /** The longest any copy of a wrapped data key survives its purge (plus cleaning time on a busy broker). */
    public Duration bound() {
        Duration commands = commandsSegment.plus(commandsRetention).plus(retentionCheckInterval).plus(fileDeleteDelay);
        Duration rolled = keysSegment.plus(rollCheck);
        Duration keys = (rolled.compareTo(keysMaxCompactionLag) > 0 ? rolled : keysMaxCompactionLag)
                .plus(cleanerBackoff).plus(fileDeleteDelay);
        return commands.compareTo(keys) > 0 ? commands : keys;
    }

    /** Topic configuration of {@code strongroom.commands}. */
    public Map<String, String> commandsTopic() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("cleanup.policy", "delete");
        config.put("retention.ms", ms(commandsRetention));
        config.put("segment.ms", ms(commandsSegment));
        config.put("file.delete.delay.ms", ms(fileDeleteDelay));
        return config;
    }

    /** Topic configuration of {@code strongroom.keys}. */
    public Map<String, String> keysTopic() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("cleanup.policy", "compact");
        config.put("segment.ms", ms(keysSegment));
        config.put("max.compaction.lag.ms", ms(keysMaxCompactionLag));
        config.put("min.compaction.lag.ms", "0");
        config.put("min.cleanable.dirty.ratio", String.valueOf(keysMinCleanableDirtyRatio));
        config.put("delete.retention.ms", ms(keysDeleteRetention));
        config.put("file.delete.delay.ms", ms(fileDeleteDelay));
        return config;
    }

    /** Broker-wide settings the bound assumes (the defaults of Kafka, except in tests). */
    public Map<String, String> brokerProperties() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("log.retention.check.interval.ms", ms(retentionCheckInterval));
        config.put("log.cleaner.backoff.ms", ms(cleanerBackoff));
        config.put("log.segment.delete.delay.ms", ms(fileDeleteDelay));
        config.put("log.cleaner.enable", "true");
        // The first retention and cleaner runs wait this long after start-up (30 s by default).
        config.put("log.initial.task.delay.ms", ms(retentionCheckInterval.compareTo(Duration.ofSeconds(30)) < 0
                ? retentionCheckInterval : Duration.ofSeconds(30)));
        return config;
    }

    private static String ms(Duration d) {
        return String.valueOf(d.toMillis());
    }
}
