package io.strongroom.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.crypto.MasterKey;
import io.strongroom.core.crypto.MasterKeyRing;
import io.strongroom.gateway.support.CapturedLogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyFileTest {
    private static final String ID = MasterKeyRing.DEFAULT_KEY + "#1";

    @TempDir
    Path dataDir;

    @Test
    void aMissingFileIsCreatedOwnerOnlyWithOneDefaultKey() throws Exception {
        MasterKeyRing ring = MasterKeyFile.loadOrCreate(dataDir, new SecureRandom());

        Path file = dataDir.resolve(MasterKeyFile.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ring.current(null)).map(MasterKey::id).hasValue(ID);
        assertThat(ring.current(null).orElseThrow().material()).hasSize(32);
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void reloadingGivesTheSameKeys() {
        MasterKeyRing created = MasterKeyFile.loadOrCreate(dataDir, new SecureRandom());

        MasterKeyRing reloaded = MasterKeyFile.loadOrCreate(dataDir, new SecureRandom());

        assertThat(reloaded.byId(ID).orElseThrow().material()).isEqualTo(created.byId(ID).orElseThrow().material());
    }

    @Test
    void twoCreationsMakeTwoDifferentKeys(@TempDir Path otherDir) {
        byte[] one = MasterKeyFile.loadOrCreate(dataDir, new SecureRandom()).byId(ID).orElseThrow().material();
        byte[] two = MasterKeyFile.loadOrCreate(otherDir, new SecureRandom()).byId(ID).orElseThrow().material();

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void everyVersionOfEveryKeyIsLoadedAndTheNewestWraps() throws Exception {
        Files.writeString(dataDir.resolve(MasterKeyFile.FILE_NAME), "{\"v\":1,\"keys\":["
                + entry("alias/aws/secretsmanager", 1, 1) + "," + entry("alias/aws/secretsmanager", 2, 2) + ","
                + entry("alias/app", 1, 3) + "]}");

        MasterKeyRing ring = MasterKeyFile.load(dataDir.resolve(MasterKeyFile.FILE_NAME));

        assertThat(ring.current(null)).map(MasterKey::id).hasValue("alias/aws/secretsmanager#2");
        assertThat(ring.byId("alias/aws/secretsmanager#1")).isPresent();
        assertThat(ring.current("alias/app")).map(MasterKey::id).hasValue("alias/app#1");
    }

    @Test
    void keyMaterialNeverAppearsInToStringOrLogs() {
        MasterKeyRing ring;
        String material;
        try (CapturedLogs logs = CapturedLogs.capture()) {
            ring = MasterKeyFile.loadOrCreate(dataDir, new SecureRandom());
            MasterKeyFile.load(dataDir.resolve(MasterKeyFile.FILE_NAME));
            MasterKey key = ring.byId(ID).orElseThrow();
            material = Base64.getEncoder().encodeToString(key.material());

            assertThat(key.toString()).doesNotContain(material);
            assertThat(logs.all()).contains(MasterKeyFile.FILE_NAME).doesNotContain(material);
        }
    }

    @Test
    void aMalformedFileFailsWithoutQuotingItsContent() throws Exception {
        String secretLooking = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        Path file = dataDir.resolve(MasterKeyFile.FILE_NAME);
        Files.writeString(file, "{\"keys\":[{\"name\":\"k\",\"version\":1,\"material\":" + secretLooking + "}]}");

        assertThatThrownBy(() -> MasterKeyFile.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secretLooking));
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithoutQuotingIt() throws Exception {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        Path file = dataDir.resolve(MasterKeyFile.FILE_NAME);
        Files.writeString(file, "{\"keys\":[{\"name\":\"k\",\"version\":1,\"material\":\"" + shortKey + "\"}]}");

        assertThatThrownBy(() -> MasterKeyFile.load(file))
                .hasMessageContaining("not a 256-bit key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(shortKey));
    }

    @Test
    void aFileWithoutKeysIsRefused() throws Exception {
        Path file = dataDir.resolve(MasterKeyFile.FILE_NAME);
        Files.writeString(file, "{\"keys\":[]}");

        assertThatThrownBy(() -> MasterKeyFile.load(file)).hasMessageContaining("no \"keys\"");
    }

    private static String entry(String name, int version, int fill) {
        byte[] material = new byte[32];
        java.util.Arrays.fill(material, (byte) fill);
        return "{\"name\":\"" + name + "\",\"version\":" + version + ",\"material\":\""
                + Base64.getEncoder().encodeToString(material) + "\"}";
    }
}
