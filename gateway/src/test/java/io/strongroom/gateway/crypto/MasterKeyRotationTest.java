package io.strongroom.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.crypto.MasterKey;
import io.strongroom.core.crypto.MasterKeyRing;
import io.strongroom.core.crypto.SealedValue;
import io.strongroom.core.secret.ValueType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyRotationTest {
    private static final byte[] VALUE = "rotate me".getBytes(StandardCharsets.UTF_8);
    private static final String AAD = EnvelopeCipher.associatedData("1", "s", "v");

    @TempDir
    Path dataDir;

    @Test
    void aRotationAddsANewestVersionThatWrapsWhileOldVersionsStillOpen() throws Exception {
        MasterKeyRing before = MasterKeyFile.loadOrCreate(dataDir, new SecureRandom());
        SealedValue old = new EnvelopeCipher(before, new SecureRandom())
                .seal(before.current(null).orElseThrow(), ValueType.STRING, VALUE, AAD);
        Path file = dataDir.resolve(MasterKeyFile.FILE_NAME);

        int version = MasterKeyRotation.rotate(file, "alias/aws/secretsmanager", new SecureRandom());

        MasterKeyRing after = MasterKeyFile.load(file);
        assertThat(version).isEqualTo(2);
        assertThat(after.current(null)).map(MasterKey::id).hasValue("alias/aws/secretsmanager#2");
        assertThat(new EnvelopeCipher(after, new SecureRandom()).open(old.value(), old.wrappedKey(), AAD))
                .hasValueSatisfying(plain -> assertThat(plain).isEqualTo(VALUE));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aNewNamedKeyStartsAtVersionOneAndOnlyExistingKeysRotate() {
        MasterKeyFile.loadOrCreate(dataDir, new SecureRandom());
        Path file = dataDir.resolve(MasterKeyFile.FILE_NAME);

        assertThatThrownBy(() -> MasterKeyRotation.rotate(file, "alias/app", new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        MasterKeyRotation.create(file, "arn:aws:kms:us-east-1:111122223333:alias/app", new SecureRandom());

        assertThat(MasterKeyFile.load(file).versionsByName())
                .isEqualTo(Map.of("alias/app", List.of(1), "alias/aws/secretsmanager", List.of(1)));
        assertThatThrownBy(() -> MasterKeyRotation.create(file, "alias/app", new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysComeFromTheEnvironmentAsJsonOrBase64WithAliases() {
        String document = "{\"v\":1,\"keys\":[{\"name\":\"1234abcd\",\"version\":3,\"material\":\""
                + Base64.getEncoder().encodeToString(new byte[32]) + "\"}],\"aliases\":{\"alias/app\":\"1234abcd\"}}";

        for (String value : List.of(document,
                Base64.getEncoder().encodeToString(document.getBytes(StandardCharsets.UTF_8)))) {
            MasterKeyRing ring = MasterKeySource.load(Map.of(MasterKeySource.ENV, value), dataDir, new SecureRandom());
            assertThat(ring.current("alias/app")).map(MasterKey::id).hasValue("1234abcd#3");
            assertThat(ring.current("arn:aws:kms:us-east-1:111122223333:key/1234abcd")).isPresent();
        }
        assertThat(dataDir.resolve(MasterKeyFile.FILE_NAME)).doesNotExist();
    }
}
