package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** GetSecretValue with VersionId and VersionStage: both given must name the same version. */
@ExtendWith(SharedRegion.class)
class GetSecretValueVersionTest {
    private static final String NAME = "versions-" + UUID.randomUUID().toString().substring(0, 6);
    private static SecretsManagerClient sm;
    private static String first;
    private static String second;

    @BeforeAll
    static void twoVersions() {
        sm = SharedRegion.newAccount().client(SharedRegion.endpoint());
        first = sm.createSecret(b -> b.name(NAME).secretString("one")).versionId();
        second = sm.putSecretValue(b -> b.secretId(NAME).secretString("two")).versionId();
    }

    @AfterAll
    static void close() {
        sm.close();
    }

    @Test
    void versionIdAndAStageOnThatVersionAnswerIt() {
        assertThat(sm.getSecretValue(b -> b.secretId(NAME).versionId(first).versionStage("AWSPREVIOUS")).secretString())
                .isEqualTo("one");
        assertThat(sm.getSecretValue(b -> b.secretId(NAME).versionId(second).versionStage("AWSCURRENT")).secretString())
                .isEqualTo("two");
    }

    @Test
    void aStageThatIsNotOnTheVersionIsAnInvalidRequest() {
        assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(NAME).versionId(first).versionStage("AWSCURRENT")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("You provided a VersionStage that is not associated to the provided VersionId.");
    }

    @Test
    void anUnknownVersionIdIsNotFoundEvenWithAStage() {
        String unknown = UUID.randomUUID().toString();
        assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(NAME).versionId(unknown).versionStage("AWSCURRENT")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining(unknown);
    }

    @Test
    void aStageOnNoVersionIsNotFound() {
        assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(NAME).versionStage("NOWHERE")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("NOWHERE");
    }
}
