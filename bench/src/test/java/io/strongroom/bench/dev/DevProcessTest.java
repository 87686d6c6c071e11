package io.strongroom.bench.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevProcessTest {
    private static final Pattern KEPT = Pattern.compile("see (\\S+), which ends:");

    @Test
    void aFailedStartQuotesTheLogAndKeepsItAfterTheTemporaryDirectoryIsGone() throws Exception {
        Path kept;
        Path temporary;
        try (DevProcess dev = DevProcess.inTempDirectory(List.of("-XX:+NoSuchStrongroomOption"), false)) {
            temporary = dev.dataDir().getParent();
            Throwable failure = catchThrowable(() -> dev.start(Duration.ofSeconds(30)));

            assertThat(failure).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the dev cluster exited with")
                    .hasMessageContaining("NoSuchStrongroomOption");
            Matcher m = KEPT.matcher(failure.getMessage());
            assertThat(m.find()).isTrue();
            kept = Path.of(m.group(1));
        }
        try {
            assertThat(temporary).doesNotExist();
            assertThat(Files.readString(kept)).contains("NoSuchStrongroomOption");
        } finally {
            Files.deleteIfExists(kept);
        }
    }

    @Test
    void aStartOnItsOwnDirectoryNamesTheLogWhereItIs(@TempDir Path dir) {
        try (DevProcess dev = new DevProcess(dir.resolve("data"), List.of("-XX:+NoSuchStrongroomOption"))) {
            assertThatThrownBy(() -> dev.start(Duration.ofSeconds(30)))
                    .hasMessageContaining("see " + dev.log() + ", which ends:");
        }
    }
}
