package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.CapturedLogs;
import io.strongroom.systemtests.support.SharedRegion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Values are ciphertext behind the gateway: a recognisable value is in no Kafka segment, no RocksDB
 * file and no log line (captured at DEBUG for Strongroom's loggers while the value is written and read).
 */
@ExtendWith(SharedRegion.class)
class PlaintextScanTest {

    @Test
    void aWrittenValueAppearsInNoKafkaSegmentOrRocksDbFile() throws IOException {
        String canary = "STRONGROOM-CANARY-" + UUID.randomUUID();
        String logged;
        try (CapturedLogs logs = CapturedLogs.capture();
                SecretsManagerClient sm = SharedRegion.newAccount().client(SharedRegion.endpoint())) {
            sm.createSecret(b -> b.name("canary").secretString(canary));
            sm.putSecretValue(b -> b.secretId("canary").secretString(canary + "-v2"));
            sm.createSecret(b -> b.name("canary-binary").secretBinary(SdkBytes.fromUtf8String(canary)));
            assertThat(sm.getSecretValue(b -> b.secretId("canary")).secretString()).isEqualTo(canary + "-v2");
            // A rejected write with the value (the name exists) logs its failure path too.
            assertThatThrownBy(() -> sm.createSecret(b -> b.name("canary").secretString(canary + "-again")));
            sm.deleteSecret(b -> b.secretId("canary-binary").forceDeleteWithoutRecovery(true));
            logged = logs.all();
            assertThat(logs.count()).as("log lines were captured").isPositive();
        }
        assertThat(logged).as("captured logs").doesNotContain(canary)
                .doesNotContain(Base64.getEncoder().encodeToString(canary.getBytes(StandardCharsets.UTF_8)).substring(0, 40));

        List<byte[]> needles = List.of(
                canary.getBytes(StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(canary.getBytes(StandardCharsets.UTF_8)).substring(0, 40)
                        .getBytes(StandardCharsets.US_ASCII));
        List<Path> scanned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SharedRegion.dataDir())) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] content = Files.readAllBytes(file);
                for (byte[] needle : needles) {
                    assertThat(indexOf(content, needle)).as("plaintext found in %s", file).isEqualTo(-1);
                }
                scanned.add(file);
            }
        }
        assertThat(scanned).as("Kafka segments were scanned").anyMatch(p -> p.toString().endsWith(".log")
                && p.toString().contains("strongroom.events"));
        assertThat(scanned).as("RocksDB files were scanned").anyMatch(p -> p.toString().contains("projection"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
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
