package io.strongroom.systemtests.api;

import static io.strongroom.systemtests.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import io.strongroom.systemtests.support.TestAccount;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.LimitExceededException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageResponse;

/** UpdateSecretVersionStage through the AWS SDK against the real pipeline. */
@ExtendWith(SharedRegion.class)
class UpdateSecretVersionStageTest {
    private static SecretsManagerClient sm;

    @BeforeAll
    static void client() {
        TestAccount account = SharedRegion.newAccount();
        sm = account.client(SharedRegion.endpoint());
    }

    @AfterAll
    static void close() {
        sm.close();
    }

    /** A secret with a current version and a pending one. */
    private record Rotating(String name, String arn, String current, String pending) {}

    private static Rotating rotating(String base) {
        String name = base + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = sm.createSecret(b -> b.name(name).secretString("live"));
        String pending = sm.putSecretValue(b -> b.secretId(name).secretString("next").versionStages("AWSPENDING"))
                .versionId();
        return new Rotating(name, created.arn(), created.versionId(), pending);
    }

    private static Map<String, List<String>> stages(String name) {
        return sm.describeSecret(b -> b.secretId(name)).versionIdsToStages();
    }

    @Test
    void movingAwsCurrentMakesTheNewVersionCurrentAndTheOldOnePrevious() {
        Rotating s = rotating("rotate");

        UpdateSecretVersionStageResponse response = sm.updateSecretVersionStage(b -> b.secretId(s.name())
                .versionStage("AWSCURRENT").removeFromVersionId(s.current()).moveToVersionId(s.pending()));

        assertThat(response.arn()).isEqualTo(s.arn());
        assertThat(response.name()).isEqualTo(s.name());
        assertThat(sm.getSecretValue(b -> b.secretId(s.name())).secretString()).isEqualTo("next");
        assertThat(sm.getSecretValue(b -> b.secretId(s.name()).versionStage("AWSPREVIOUS")).versionId())
                .isEqualTo(s.current());
        assertThat(stages(s.name()))
                .containsEntry(s.pending(), List.of("AWSPENDING", "AWSCURRENT"))
                .containsEntry(s.current(), List.of("AWSPREVIOUS"));
    }

    @Test
    void movingAwsCurrentTakesAwsPreviousFromTheVersionThatHadIt() {
        String name = "roll-" + UUID.randomUUID().toString().substring(0, 8);
        String v1 = sm.createSecret(b -> b.name(name).secretString("1")).versionId();
        String v2 = sm.putSecretValue(b -> b.secretId(name).secretString("2")).versionId();

        sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("AWSCURRENT")
                .removeFromVersionId(v2).moveToVersionId(v1));

        assertThat(stages(name)).isEqualTo(Map.of(v1, List.of("AWSCURRENT"), v2, List.of("AWSPREVIOUS")));
    }

    @Test
    void movingAwsCurrentWithoutRemoveFromVersionIdIsAnInvalidParameter() {
        Rotating s = rotating("no-remove");

        assertThatThrownBy(() -> sm.updateSecretVersionStage(b -> b.secretId(s.name())
                .versionStage("AWSCURRENT").moveToVersionId(s.pending())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is "
                        + "currently attached to version " + s.current() + ", so you must explicitly reference that "
                        + "version in RemoveFromVersionId.");
        assertThat(sm.getSecretValue(b -> b.secretId(s.name())).versionId()).isEqualTo(s.current());
    }

    @Test
    void removeFromVersionIdThatDoesNotHoldTheLabelIsAnInvalidParameter() {
        Rotating s = rotating("wrong-remove");

        assertThatThrownBy(() -> sm.updateSecretVersionStage(b -> b.secretId(s.name())
                .versionStage("AWSCURRENT").removeFromVersionId(s.pending()).moveToVersionId(s.pending())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Version stage AWSCURRENT not found in version " + s.pending());
        assertThat(sm.getSecretValue(b -> b.secretId(s.name())).versionId()).isEqualTo(s.current());
    }

    @Test
    void aCustomLabelIsAddedAndKeptWhenAwsCurrentMovesAway() {
        Rotating s = rotating("custom");
        sm.updateSecretVersionStage(b -> b.secretId(s.name()).versionStage("blue").moveToVersionId(s.current()));

        sm.updateSecretVersionStage(b -> b.secretId(s.name()).versionStage("AWSCURRENT")
                .removeFromVersionId(s.current()).moveToVersionId(s.pending()));

        assertThat(stages(s.name())).containsEntry(s.current(), List.of("blue", "AWSPREVIOUS"));
        assertThat(sm.getSecretValue(b -> b.secretId(s.name()).versionStage("blue")).secretString()).isEqualTo("live");
    }

    @Test
    void aCustomLabelMovesFromTheVersionNamedInRemoveFromVersionId() {
        Rotating s = rotating("custom-move");
        sm.updateSecretVersionStage(b -> b.secretId(s.name()).versionStage("blue").moveToVersionId(s.current()));

        sm.updateSecretVersionStage(b -> b.secretId(s.name()).versionStage("blue")
                .removeFromVersionId(s.current()).moveToVersionId(s.pending()));

        assertThat(stages(s.name()))
                .containsEntry(s.current(), List.of("AWSCURRENT"))
                .containsEntry(s.pending(), List.of("AWSPENDING", "blue"));
    }

    @Test
    void removingTheLastLabelOfAVersionDeprecatesIt() {
        Rotating s = rotating("deprecate");

        sm.updateSecretVersionStage(b -> b.secretId(s.name()).versionStage("AWSPENDING")
                .removeFromVersionId(s.pending()));

        assertThat(stages(s.name())).doesNotContainKey(s.pending());
        assertThat(sm.listSecretVersionIds(b -> b.secretId(s.name())).versions())
                .noneMatch(v -> v.versionId().equals(s.pending()));
        assertThat(sm.listSecretVersionIds(b -> b.secretId(s.name()).includeDeprecated(true)).versions())
                .anySatisfy(v -> {
                    assertThat(v.versionId()).isEqualTo(s.pending());
                    assertThat(v.versionStages()).isEmpty();
                });
        assertThat(sm.getSecretValue(b -> b.secretId(s.name()).versionId(s.pending())).secretString()).isEqualTo("next");
    }

    @Test
    void anUnknownVersionIdIsAnInvalidParameter() {
        Rotating s = rotating("unknown-version");
        String unknown = UUID.randomUUID().toString();

        assertThatThrownBy(() -> sm.updateSecretVersionStage(b -> b.secretId(s.name()).versionStage("blue")
                .moveToVersionId(unknown)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining(unknown);
    }

    @Test
    void aTwentyFirstLabelOnAVersionIsALimitExceeded() {
        Rotating s = rotating("labels");
        for (int i = 2; i <= 20; i++) {
            String label = "label-" + i;
            sm.updateSecretVersionStage(b -> b.secretId(s.name()).versionStage(label).moveToVersionId(s.current()));
        }
        assertThat(stages(s.name()).get(s.current())).hasSize(20);

        assertThatThrownBy(() -> sm.updateSecretVersionStage(b -> b.secretId(s.name()).versionStage("label-21")
                .moveToVersionId(s.current())))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void aLabelLongerThan256CharactersIsAValidationException() {
        Rotating s = rotating("long-label");
        assertAwsError(() -> sm.updateSecretVersionStage(b -> b.secretId(s.name()).versionStage("l".repeat(257))
                .moveToVersionId(s.current())), "ValidationException",
                "Member must have length less than or equal to 256");
    }

    @Test
    void aVersionIdShorterThan32CharactersIsAValidationException() {
        Rotating s = rotating("short-id");
        assertAwsError(() -> sm.updateSecretVersionStage(b -> b.secretId(s.name()).versionStage("blue")
                .moveToVersionId("short")), "ValidationException",
                "Value 'short' at 'moveToVersionId' failed to satisfy constraint: Member must have length greater than or equal to 32");
    }

    @Test
    void withoutVersionStageIsAValidationException() {
        Rotating s = rotating("no-stage");
        assertAwsError(() -> sm.updateSecretVersionStage(b -> b.secretId(s.name()).moveToVersionId(s.current())),
                "ValidationException", "Value null at 'versionStage' failed to satisfy constraint");
    }

    @Test
    void onAnUnknownSecretIsNotFound() {
        assertThatThrownBy(() -> sm.updateSecretVersionStage(b -> b.secretId("never-" + UUID.randomUUID())
                .versionStage("blue").moveToVersionId(UUID.randomUUID().toString())))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void onASecretScheduledForDeletionIsAnInvalidRequest() {
        Rotating s = rotating("doomed");
        sm.deleteSecret(b -> b.secretId(s.name()));

        assertThatThrownBy(() -> sm.updateSecretVersionStage(b -> b.secretId(s.name()).versionStage("AWSCURRENT")
                .removeFromVersionId(s.current()).moveToVersionId(s.pending())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("marked for deletion");
    }
}
