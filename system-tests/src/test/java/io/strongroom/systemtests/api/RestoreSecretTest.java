package io.strongroom.systemtests.api;

import static io.strongroom.systemtests.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import io.strongroom.systemtests.support.TestAccount;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretResponse;

/** RestoreSecret through the AWS SDK against the real pipeline. */
@ExtendWith(SharedRegion.class)
class RestoreSecretTest {
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

    private static String name(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void restoringASecretScheduledForDeletionMakesItUsableAgainAndClearsDeletedDate() {
        String name = name("restored");
        CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString("kept"));
        sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));

        RestoreSecretResponse restored = sm.restoreSecret(b -> b.secretId(name));

        assertThat(restored.arn()).isEqualTo(created.arn());
        assertThat(restored.name()).isEqualTo(name);
        DescribeSecretResponse described = sm.describeSecret(b -> b.secretId(name));
        assertThat(described.deletedDate()).isNull();
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("kept");
        sm.putSecretValue(b -> b.secretId(name).secretString("written after restore"));
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("written after restore");
    }

    @Test
    void aRestoredSecretIsListedAgainByDefault() {
        String name = name("relisted");
        sm.createSecret(b -> b.name(name).secretString("x"));
        sm.deleteSecret(b -> b.secretId(name));
        sm.restoreSecret(b -> b.secretId(name));

        assertThat(sm.listSecrets(b -> b.maxResults(100)).secretList()).anySatisfy(s -> assertThat(s.name()).isEqualTo(name));
    }

    @Test
    void aRestoredSecretCanBeScheduledForDeletionAgain() {
        String name = name("twice");
        sm.createSecret(b -> b.name(name).secretString("x"));
        sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
        sm.restoreSecret(b -> b.secretId(name));

        sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(10L));

        assertThat(sm.describeSecret(b -> b.secretId(name)).deletedDate()).isNotNull();
    }

    @Test
    void restoringASecretThatIsNotScheduledForDeletionSucceedsAndChangesNothing() {
        String name = name("active");
        CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString("x"));

        RestoreSecretResponse restored = sm.restoreSecret(b -> b.secretId(name));

        assertThat(restored.arn()).isEqualTo(created.arn());
        assertThat(restored.name()).isEqualTo(name);
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("x");
    }

    @Test
    void restoringByFullArnWorks() {
        String name = name("by-arn");
        String arn = sm.createSecret(b -> b.name(name).secretString("x")).arn();
        sm.deleteSecret(b -> b.secretId(arn));

        assertThat(sm.restoreSecret(b -> b.secretId(arn)).arn()).isEqualTo(arn);
        assertThat(sm.describeSecret(b -> b.secretId(arn)).deletedDate()).isNull();
    }

    @Test
    void restoringAnUnknownSecretIsNotFound() {
        assertThatThrownBy(() -> sm.restoreSecret(b -> b.secretId(name("never"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Secrets Manager can't find the specified secret.");
    }

    @Test
    void restoringAForceDeletedSecretIsNotFound() {
        String name = name("purged");
        sm.createSecret(b -> b.name(name).secretString("x"));
        sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));

        assertThatThrownBy(() -> sm.restoreSecret(b -> b.secretId(name)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aSecretIdLongerThan2048CharactersIsAValidationException() {
        String tooLong = "a".repeat(2049);
        assertAwsError(() -> sm.restoreSecret(b -> b.secretId(tooLong)), "ValidationException",
                "Member must have length less than or equal to 2048");
    }
}
