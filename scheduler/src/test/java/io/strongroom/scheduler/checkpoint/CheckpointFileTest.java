package io.strongroom.scheduler.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.scheduler.index.ScheduledDeletion;
import io.strongroom.scheduler.index.ScheduledDeletions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
    static final Checkpoint CHECKPOINT = new Checkpoint("strongroom.events", "Xg3-topic-id", Map.of(0, 12L, 1, 0L),
            new ScheduledDeletions.Snapshot(List.of(new ScheduledDeletion("id-1", "111122223333",
                    "111122223333/app/db", Instant.parse("2026-12-05T10:00:00Z"))), List.of("id-2")));

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenIsReadBackAndNoTemporaryFileStays() throws IOException {
        CheckpointFile file = new CheckpointFile(dir.resolve("scheduler"));

        file.write(CHECKPOINT);
        file.write(CHECKPOINT);

        assertThat(file.read()).contains(CHECKPOINT);
        try (var files = Files.list(dir.resolve("scheduler"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(CheckpointFile.NAME);
        }
    }

    @Test
    void noFileMeansNoCheckpoint() {
        assertThat(new CheckpointFile(dir).read()).isEmpty();
    }

    @Test
    void anUnreadableOrForeignFileIsNotUsed() throws IOException {
        CheckpointFile file = new CheckpointFile(dir);

        Files.writeString(file.path(), "{\"v\":1,\"topic\":\"strongroom.ev", StandardCharsets.UTF_8);
        assertThat(file.read()).isEmpty();

        Files.writeString(file.path(), "{\"v\":2,\"topic\":\"strongroom.events\",\"topicId\":\"x\",\"positions\":{},"
                + "\"index\":{}}", StandardCharsets.UTF_8);
        assertThat(file.read()).isEmpty();

        Files.writeString(file.path(), "{\"v\":1,\"topic\":\"strongroom.events\",\"positions\":{}}", StandardCharsets.UTF_8);
        assertThat(file.read()).isEmpty();
    }
}
