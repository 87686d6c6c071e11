package io.strongroom.command;

import io.strongroom.command.replication.ReplicaKeys;
import io.strongroom.core.crypto.MasterKeyRing;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.ShreddingSettings;
import io.strongroom.kafka.Topics;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;

/**
 * @param instanceOrdinal stable across restarts of the same instance: it names the transactional id,
 *     so a restarted instance fences its own zombie
 * @param transactionTimeoutMs how long the broker waits before aborting a transaction whose producer died
 * @param keysRollAfter the keys topic's {@code segment.ms}: this long after a keys partition's last key
 *     write, a roll marker is appended so the segment holding a tombstone is rolled and can be compacted
 * @param replicaKeys how this region takes in the data keys of replicated secrets; null when it holds
 *     no replicas (a delta carrying keys is then answered KEY_FAILED)
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
        Duration keysRollAfter,
        ReplicaKeys replicaKeys) {

    public CommandServiceConfig(String region, KafkaSettings kafka, Topics topics, Path dataDir, int instanceOrdinal,
            int transactionTimeoutMs, int maxBatchRecords, Clock clock, Duration keysRollAfter) {
        this(region, kafka, topics, dataDir, instanceOrdinal, transactionTimeoutMs, maxBatchRecords, clock,
                keysRollAfter, null);
    }

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
                maxBatchRecords, clock, keysRollAfter, replicaKeys);
    }

    public CommandServiceConfig withClock(Clock newClock) {
        return new CommandServiceConfig(region, kafka, topics, dataDir, instanceOrdinal, transactionTimeoutMs,
                maxBatchRecords, newClock, keysRollAfter, replicaKeys);
    }

    public CommandServiceConfig withShredding(ShreddingSettings shredding) {
        return new CommandServiceConfig(region, kafka, topics, dataDir, instanceOrdinal, transactionTimeoutMs,
                maxBatchRecords, clock, shredding.keysSegment(), replicaKeys);
    }

    /**
     * This region holds replicas: data keys sent by primaries are opened with {@code replicationKey}
     * and wrapped under the replica's KmsKeyId in {@code masterKeys}.
     */
    public CommandServiceConfig withReplicaKeys(MasterKeyRing masterKeys, PrivateKey replicationKey) {
        return new CommandServiceConfig(region, kafka, topics, dataDir, instanceOrdinal, transactionTimeoutMs,
                maxBatchRecords, clock, keysRollAfter, new ReplicaKeys(masterKeys, replicationKey));
    }

    public String transactionalId() {
        return "strongroom-command-service-" + region + "-" + instanceOrdinal;
    }
}
