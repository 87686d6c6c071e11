package io.strongroom.core.aggregate;

import io.strongroom.core.crypto.WrappedKey;

/**
 * A write to {@code strongroom.keys} that goes with a decision: a new version's wrapped data key, or
 * a tombstone ({@code wrappedKey == null}) that shreds it.
 */
public record KeyChange(String secretId, String versionId, WrappedKey wrappedKey) {
    public static KeyChange put(String secretId, String versionId, WrappedKey key) {
        return new KeyChange(secretId, versionId, key);
    }

    public static KeyChange shred(String secretId, String versionId) {
        return new KeyChange(secretId, versionId, null);
    }

    public boolean isTombstone() {
        return wrappedKey == null;
    }

    /** The record key on the keys topic: one record per version, so compaction keeps each and a tombstone removes each. */
    public String recordKey() {
        return recordKey(secretId, versionId);
    }

    public static String recordKey(String secretId, String versionId) {
        return secretId + "/" + versionId;
    }

    /**
     * The key of a roll marker on the keys topic (a tombstone that names no version, written so that a
     * quiet partition's segment rolls and can be compacted); followed by the partition number.
     */
    public static final String ROLL_MARKER_PREFIX = "strongroom.roll/";

    public static boolean isRollMarker(String recordKey) {
        return recordKey != null && recordKey.startsWith(ROLL_MARKER_PREFIX);
    }
}
