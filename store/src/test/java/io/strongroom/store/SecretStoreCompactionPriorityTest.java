package io.strongroom.store;

import static io.strongroom.store.StoredStates.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.strongroom.core.secret.Lifecycle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RocksDB's compactions run niced, so they take the CPU that requests leave idle (Linux: read from /proc). */
class SecretStoreCompactionPriorityTest {
    private static final Path TASKS = Path.of("/proc/self/task");

    @TempDir
    Path dir;

    @Test
    void compactionThreadsRunAtTheLowestCpuPriority() throws IOException {
        assumeTrue(Files.isDirectory(TASKS), "needs Linux's /proc");
        try (SecretStore store = SecretStore.open(dir)) {
            try (SecretStore.Batch batch = store.batch()) {
                batch.put(state("s1", Lifecycle.ACTIVE)).putKey("s1/v1", key()).commit();
            }
            // A purge flushes and compacts its keys' range, so a compaction thread has run a job.
            try (SecretStore.Batch batch = store.batch()) {
                batch.put(state("s1", Lifecycle.PURGED)).commit();
            }

            assertThat(niceOfThreadsNamed("rocksdb:low")).isNotEmpty().containsOnly(19);
            assertThat(niceOfThreadsNamed("rocksdb:high")).isNotEmpty().containsOnly(0);
        }
    }

    private static List<Integer> niceOfThreadsNamed(String name) throws IOException {
        List<Integer> nice = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException threadEnded) {
                    continue;
                }
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (comm.equals(name)) {
                    // Fields after "(comm) ": state is field 3 of stat(5), nice field 19.
                    nice.add(Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
                }
            }
        }
        return nice;
    }

    private static byte[] key() {
        return StoredStates.keyRecord("key".getBytes(StandardCharsets.US_ASCII));
    }
}
