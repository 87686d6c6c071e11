package io.strongroom.kafka;

/**
 * The topics of one region's cluster. {@code commands}, {@code events} and {@code keys} have the same
 * fixed partition count: command-service owns partition p of all three. {@code audit} takes the
 * gateways' audit records (one partition per gateway's chain, see the gateway's audit package).
 */
public record Topics(String commands, String events, String keys, int partitions, String audit) {
    public static final int DEFAULT_PARTITIONS = 8;

    /** Topics whose audit topic sits beside the commands topic: {@code x.commands} → {@code x.audit}. */
    public Topics(String commands, String events, String keys, int partitions) {
        this(commands, events, keys, partitions, commands.substring(0, commands.lastIndexOf('.') + 1) + "audit");
    }

    public static Topics standard(int partitions) {
        return new Topics("strongroom.commands", "strongroom.events", "strongroom.keys", partitions, "strongroom.audit");
    }
}
