package io.strongroom.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.crypto.MasterKey;
import io.strongroom.deploy.Strongroom;
import io.strongroom.gateway.crypto.MasterKeyFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code strongroom keys create|rotate}: the key file gains keys and versions; old ones stay. */
class KeysCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void createThenRotateAddsANamedKeyAndItsNewestVersion() {
        assertThat(run("keys", "create", "--data-dir", dataDir.toString(), "--key", "alias/app")).isZero();
        assertThat(run("keys", "rotate", "--data-dir", dataDir.toString(), "--key", "alias/app")).isZero();
        assertThat(run("keys", "rotate", "--data-dir", dataDir.toString())).isZero();

        var ring = MasterKeyFile.load(dataDir.resolve(MasterKeyFile.FILE_NAME));
        assertThat(ring.versionsByName()).containsEntry("alias/app", List.of(1, 2))
                .containsEntry("alias/aws/secretsmanager", List.of(1, 2));
        assertThat(ring.current("arn:aws:kms:us-east-1:111122223333:alias/app")).map(MasterKey::id).hasValue("alias/app#2");
    }

    @Test
    void rotatingAnUnknownKeyFails() {
        assertThat(run("keys", "rotate", "--data-dir", dataDir.toString(), "--key", "alias/none")).isNotZero();
    }

    private static int run(String... args) {
        return new CommandLine(new Strongroom()).execute(args);
    }
}
