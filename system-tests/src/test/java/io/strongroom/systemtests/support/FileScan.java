package io.strongroom.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Looks for bytes in every file under a directory, as an attacker holding the disks would: Kafka log
 * segments and their index files, RocksDB WAL, SST and MANIFEST files, key files, everything. Files
 * that disappear during the walk (a segment deleted, an SST compacted away) hold nothing any more.
 */
public final class FileScan {
    private FileScan() {}

    /** Every regular file under {@code dir} holding any of {@code needles}. */
    public static List<Path> filesContaining(Path dir, List<byte[]> needles) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.toList()) {
                byte[] content;
                try {
                    if (!Files.isRegularFile(file)) {
                        continue;
                    }
                    content = Files.readAllBytes(file);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                if (needles.stream().anyMatch(needle -> indexOf(content, needle) >= 0)) {
                    found.add(file);
                }
            }
        } catch (NoSuchFileException gone) {
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + dir, e);
        }
        return found;
    }

    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
