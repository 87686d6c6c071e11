package io.strongroom.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Keeps the output of child JVMs ({@code *.out.log} in a test's temp dir) under {@code target/child-logs}. */
public final class ChildLogs {
    private ChildLogs() {}

    public static void preserve(Path dir, String label) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        Path target = Path.of(System.getProperty("basedir", "."), "target", "child-logs");
        try (Stream<Path> files = Files.list(dir)) {
            Files.createDirectories(target);
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".out.log")).toList()) {
                Files.copy(log, target.resolve(label + "-" + log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep child logs of " + dir, e);
        }
    }
}
