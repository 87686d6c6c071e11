package io.strongroom.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a running dev cluster occupies: resident memory (/proc), live heap after a full GC ({@code jcmd}),
 * and the bytes under its data directory, in total and per top-level directory (kafka, projection...).
 */
public record DevFootprint(long rssMiB, long liveHeapMiB, long dataDirMiB, Map<String, Long> dataDirsMiB) {
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    public static DevFootprint of(long pid, Path dataDir) {
        Map<String, Long> parts = new LinkedHashMap<>();
        try (Stream<Path> children = Files.list(dataDir)) {
            children.filter(Files::isDirectory).sorted().forEach(dir -> parts.put(dir.getFileName().toString(), mib(bytes(dir))));
        } catch (IOException e) {
            // Reported as no parts.
        }
        return new DevFootprint(rssMiB(pid), liveHeapMiB(pid), mib(bytes(dataDir)), parts);
    }

    /** Bytes on disk ({@code du}: Kafka preallocates sparse index files), else the files' apparent sizes. */
    static long bytes(Path dir) {
        try {
            Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            String out = new String(du.getInputStream().readAllBytes()).trim();
            if (du.waitFor(60, TimeUnit.SECONDS) && du.exitValue() == 0) {
                return Long.parseLong(out.split("\\s+")[0]) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            // No du here: apparent sizes below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return apparentBytes(dir);
    }

    private static long apparentBytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    private static long rssMiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Heap in use right after a full GC: what the data actually keeps alive. -1 if jcmd is unavailable. */
    private static long liveHeapMiB(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            run(jcmd, pid, "GC.run");
            String info = run(jcmd, pid, "GC.heap_info");
            long kib = usedKiB(info);
            return kib < 0 ? -1 : kib / 1024;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * The heap in use in {@code GC.heap_info}'s text, in KiB; -1 if none is named. G1 prints one line
     * for the whole heap, the parallel collector one per generation (young and old): their sum.
     */
    static long usedKiB(String heapInfo) {
        Matcher used = HEAP_USED.matcher(heapInfo);
        long total = 0;
        boolean found = false;
        while (used.find()) {
            total += Long.parseLong(used.group(1));
            found = true;
        }
        return found ? total : -1;
    }

    private static String run(Path jcmd, long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static long mib(long bytes) {
        return bytes < 0 ? -1 : bytes / (1024 * 1024);
    }
}
