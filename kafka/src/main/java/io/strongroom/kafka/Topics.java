package io.strongroom.kafka;

/**
 * The topics of one region's cluster. {@code commands}, {@code events} and {@code keys} have the same
 * fixed partition count: command-service owns partition p of all three. {@code access} (compacted,
 * key secretId, value the last day a secret was read) carries LastAccessedDate between projection
 * instances; it is not part of the write path. {@code audit} takes the gateways' audit records (one
 * partition per gateway's chain, see the gateway's audit package).
 */
public record Topics(String commands, String events, String keys, String access, String audit, int partitions) {
    public static final int DEFAULT_PARTITIONS = 8;

    /** Access and audit topics named beside the others: {@code x.commands} → {@code x.access}, {@code x.audit}. */
    public Topics(String commands, String events, String keys, int partitions) {
        this(commands, events, keys, beside(commands, "access"), beside(commands, "audit"), partitions);
    }

    public static Topics standard(int partitions) {
        return new Topics("strongroom.commands", "strongroom.events", "strongroom.keys", "strongroom.access",
                "strongroom.audit", partitions);
    }

    private static String beside(String commands, String name) {
        return commands.substring(0, commands.lastIndexOf('.') + 1) + name;
    }
}
