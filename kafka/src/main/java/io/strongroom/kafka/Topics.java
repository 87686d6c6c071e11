package io.strongroom.kafka;

/**
 * The topics of one region's cluster. {@code commands}, {@code events} and {@code keys} have the same
 * fixed partition count: command-service owns partition p of all three. {@code access} (compacted,
 * key secretId, value the last day a secret was read) carries LastAccessedDate between projection
 * instances; it is not part of the write path.
 */
public record Topics(String commands, String events, String keys, String access, int partitions) {
    public static final int DEFAULT_PARTITIONS = 8;

    /** The access topic named after the events topic ({@code x.events} → {@code x.access}). */
    public Topics(String commands, String events, String keys, int partitions) {
        this(commands, events, keys, accessBesides(events), partitions);
    }

    public static Topics standard(int partitions) {
        return new Topics("strongroom.commands", "strongroom.events", "strongroom.keys", "strongroom.access",
                partitions);
    }

    private static String accessBesides(String events) {
        return events.endsWith(".events") ? events.substring(0, events.length() - ".events".length()) + ".access"
                : events + ".access";
    }
}
