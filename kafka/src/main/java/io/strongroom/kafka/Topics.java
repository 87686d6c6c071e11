package io.strongroom.kafka;

/**
 * The topics of one region's cluster. {@code commands}, {@code events} and {@code keys} have the same
 * fixed partition count: command-service owns partition p of all three.
 */
public record Topics(String commands, String events, String keys, int partitions) {
    public static final int DEFAULT_PARTITIONS = 8;

    public static Topics standard(int partitions) {
        return new Topics("strongroom.commands", "strongroom.events", "strongroom.keys", partitions);
    }
}
