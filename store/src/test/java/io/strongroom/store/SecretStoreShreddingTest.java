package io.strongroom.store;

import static io.strongroom.store.StoredStates.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.secret.Lifecycle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A purge removes a secret's data keys from every RocksDB file (SST, MANIFEST), not just from reads; and
 * the store writes no WAL, so until a flush a key is in memory only.
 */
class SecretStoreShreddingTest {
    private static final byte[] KEY_BYTES = "WRAPPED-KEY-CANARY-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void aPurgeLeavesNoCopyOfItsDataKeysInAnyFileAndKeepsOtherSecretsKeys() throws IOException {
        try (SecretStore store = SecretStore.open(dir)) {
            try (SecretStore.Batch batch = store.batch()) {
                batch.put(state("s1", Lifecycle.ACTIVE)).putKey("s1/v1", key("s1"))
                        .putKey("s1/v2", key("s1")).putKey("s10/v1", key("s10")).commit();
            }
            assertThat(filesContaining(needle("s1"))).as("no WAL: before a flush the key is in no file").isEmpty();
            try (SecretStore.Batch batch = store.batch()) {
                batch.put(state("other", Lifecycle.PURGED)).commit();
            }
            assertThat(filesContaining(needle("s1"))).as("another purge flushed the key into an SST file")
                    .anyMatch(file -> file.toString().endsWith(".sst"));

            try (SecretStore.Batch batch = store.batch()) {
                batch.put(state("s1", Lifecycle.PURGED)).commit();
            }

            assertThat(store.dataKey("s1/v1")).isEmpty();
            assertThat(store.dataKey("s1/v2")).isEmpty();
            assertThat(store.dataKey("s10/v1")).isPresent();
            assertThat(filesContaining(needle("s1"))).as("files still holding the purged key").isEmpty();
        }
    }

    /** A key as its key record carries it: the JSON of a wrapped key. */
    private static byte[] key(String secretId) {
        return StoredStates.keyRecord(needle(secretId));
    }

    /** Distinct bytes per secret: "s1" must not match "s10". */
    private static byte[] needle(String secretId) {
        return (new String(KEY_BYTES, StandardCharsets.US_ASCII) + "[" + secretId + "]").getBytes(StandardCharsets.US_ASCII);
    }

    /** Files holding the bytes as stored: the JSON value carries them base64-encoded. */
    private List<Path> filesContaining(byte[] raw) throws IOException {
        byte[] encoded = java.util.Base64.getEncoder().encodeToString(raw).getBytes(StandardCharsets.US_ASCII);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    if (contains(Files.readAllBytes(file), encoded)) {
                        found.add(file);
                    }
                } catch (NoSuchFileException deletedMeanwhile) {
                    // RocksDB removed it while we walked: it holds nothing any more.
                }
            }
        }
        return found;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
