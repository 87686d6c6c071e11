package io.strongroom.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run measured: cores, CPU model, memory and the load average (a busy machine's numbers
 * are marked as such in the report), read from /proc where there is one.
 */
public record MachineInfo(int cores, String cpuModel, long memoryMiB, String loadAverage, String javaVersion) {

    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryMiB(), currentLoadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    public String describe() {
        return cores + " cores, " + cpuModel + ", " + memoryMiB + " MiB RAM, " + javaVersion + ", load average " + loadAverage;
    }

    private static String readCpuModel() {
        return lines("/proc/cpuinfo").stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(System.getProperty("os.arch"));
    }

    private static long readMemoryMiB() {
        return lines("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1L);
    }

    /** The 1, 5 and 15 minute load averages. */
    public static String currentLoadAverage() {
        List<String> lines = lines("/proc/loadavg");
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] parts = lines.get(0).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
