package io.strongroom.scheduler.index;

import java.nio.charset.StandardCharsets;

/**
 * Tells, from an events record's raw JSON, whether it can change the {@link ScheduledDeletions}
 * index, so the scheduler decodes only those: most of the log (versions added, creations, metadata
 * changes) cannot, and decoding every record with Jackson was a measurable share of a region's CPU.
 *
 * <p>It may answer yes for a record that does not matter (a user string that happens to hold one of
 * the names: it is then decoded and ignored), never no for one that does: every event type the index
 * folds is written as its JSON type name, and every purge the scheduler sends has a command id
 * starting with {@code purge:}, which its rejection carries. Add a name here when the index folds a new type.
 */
public final class ScheduleRelevance {
    private static final byte[][] NEEDLES = needles("\"DeletionScheduled\"", "\"SecretPurged\"",
            "\"SecretRestored\"", "\"ReplicaEstablished\"", "\"ReplicaPromoted\"", "\"" + PurgeCommands.PREFIX);

    private ScheduleRelevance() {}

    /** False only if the record holds none of the event types the index folds and is no outcome of a purge. */
    public static boolean mayMatter(byte[] json) {
        if (json == null) {
            return false;
        }
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '"') {
                for (byte[] needle : NEEDLES) {
                    if (startsAt(json, i, needle)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean startsAt(byte[] json, int at, byte[] needle) {
        if (json.length - at < needle.length) {
            return false;
        }
        for (int j = 1; j < needle.length; j++) {
            if (json[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }

    private static byte[][] needles(String... names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }
}
