package io.strongroom.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The machine-readable form of a run: where, when, how, and every scenario's numbers. */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public record Run(String startedAt, String endpoint, MachineInfo machine, String loadAverageAtEnd,
            Map<String, Object> settings, List<ScenarioResult> results) {}

    private JsonReport() {}

    public static void write(Path file, Run run) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), run);
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        return JSON.readValue(file.toFile(), type);
    }
}
