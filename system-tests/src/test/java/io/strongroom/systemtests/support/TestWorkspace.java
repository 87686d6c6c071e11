package io.strongroom.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A test's temp dir and what the test started in it. {@link #close()} closes those in the reverse
 * order of {@link #track}, every one even if another fails, then keeps the child JVMs' logs
 * ({@link ChildLogs}) and deletes the dir.
 */
public final class TestWorkspace implements AutoCloseable {
    private final Path dir;
    private final String label;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private TestWorkspace(Path dir, String label) {
        this.dir = dir;
        this.label = label;
    }

    /** A fresh temp dir whose name starts with {@code prefix}; the kept logs are labelled with {@code test}'s name. */
    public static TestWorkspace create(String prefix, Class<?> test) {
        try {
            return new TestWorkspace(Files.createTempDirectory(prefix), test.getSimpleName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir " + prefix, e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Closes {@code resource} with the workspace, before anything tracked earlier. */
    public <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        ChildLogs.preserve(dir, label);
        TempDirs.delete(dir);
        if (failure != null) {
            throw failure;
        }
    }
}
