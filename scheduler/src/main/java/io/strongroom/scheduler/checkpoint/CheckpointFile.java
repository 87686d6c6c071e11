package io.strongroom.scheduler.checkpoint;

import io.strongroom.core.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduler instance's checkpoint, one file in its state directory (one directory per instance).
 * Losing it costs time only: without a usable checkpoint the instance reads the events log from the start.
 */
public final class CheckpointFile {
    static final String NAME = "scheduler-checkpoint.json";
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointFile.class);

    private final Path file;

    public CheckpointFile(Path stateDir) {
        this.file = stateDir.resolve(NAME);
    }

    public Path path() {
        return file;
    }

    /** The checkpoint last written; empty if there is none or it cannot be used (then said in the log). */
    public Optional<Checkpoint> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Checkpoint checkpoint = Json.read(Files.readAllBytes(file), Checkpoint.class);
            if (checkpoint.v() != Checkpoint.CURRENT_VERSION || checkpoint.topic() == null || checkpoint.topicId() == null
                    || checkpoint.index() == null) {
                LOG.warn("scheduler checkpoint {} is of layout version {} (this version reads {}) or incomplete: not used",
                        file, checkpoint.v(), Checkpoint.CURRENT_VERSION);
                return Optional.empty();
            }
            return Optional.of(checkpoint);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("scheduler checkpoint {} is unreadable, not used: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Replaces the checkpoint through a synced temporary file, so a crash leaves the old one or the new one. */
    public void write(Checkpoint checkpoint) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(NAME + ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(Json.write(checkpoint));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write scheduler checkpoint " + file, e);
        }
    }
}
