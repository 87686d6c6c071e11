package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import io.strongroom.systemtests.support.TestAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** The foundation's operations through the AWS SDK against the real pipeline (Kafka, command-service, projection). */
@ExtendWith(SharedRegion.class)
class SecretLifecycleTest {
    private static TestAccount account;
    private static SecretsManagerClient sm;

    @BeforeAll
    static void client() {
        account = SharedRegion.newAccount();
        sm = account.client(SharedRegion.endpoint());
    }

    @AfterAll
    static void close() {
        sm.close();
    }

    private static String name(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 4);
    }

    @Test
    void createdSecretIsReadableByNameFullArnAndPartialArn() {
        String name = name("app/db/password");
        CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString("s3cr3t"));

        assertThat(created.arn()).matches("arn:aws:secretsmanager:us-east-1:" + account.accountId() + ":secret:"
                + name.replace("/", "\\/") + "-[A-Za-z0-9]{6}");
        assertThat(created.name()).isEqualTo(name);
        assertThat(created.versionId()).isNotBlank();
        String partialArn = created.arn().substring(0, created.arn().length() - 7);
        for (String id : List.of(name, created.arn(), partialArn)) {
            GetSecretValueResponse value = sm.getSecretValue(b -> b.secretId(id));
            assertThat(value.secretString()).as("by %s", id).isEqualTo("s3cr3t");
            assertThat(value.versionId()).isEqualTo(created.versionId());
            assertThat(value.versionStages()).containsExactly("AWSCURRENT");
            assertThat(value.arn()).isEqualTo(created.arn());
        }
    }

    @Test
    void binarySecretComesBackAsBinary() {
        String name = name("binary");
        byte[] bytes = {0, 1, 2, (byte) 0xff, 42};
        sm.createSecret(b -> b.name(name).secretBinary(SdkBytes.fromByteArray(bytes)));

        GetSecretValueResponse value = sm.getSecretValue(b -> b.secretId(name));
        assertThat(value.secretBinary().asByteArray()).isEqualTo(bytes);
        assertThat(value.secretString()).isNull();
    }

    @Test
    void secretWithoutValueHasNoCurrentVersion() {
        String name = name("empty");
        CreateSecretResponse created = sm.createSecret(b -> b.name(name).description("filled in later"));
        assertThat(created.versionId()).isNull();

        assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(name)))
                .isInstanceOf(ResourceNotFoundException.class);
        PutSecretValueResponse put = sm.putSecretValue(b -> b.secretId(name).secretString("now"));
        assertThat(put.versionStages()).containsExactly("AWSCURRENT");
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("now");
    }

    @Test
    void putWithoutStagesMovesCurrentToPrevious() {
        String name = name("rotating");
        String v1 = sm.createSecret(b -> b.name(name).secretString("one")).versionId();
        PutSecretValueResponse put = sm.putSecretValue(b -> b.secretId(name).secretString("two"));

        assertThat(put.versionStages()).containsExactly("AWSCURRENT");
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("two");
        GetSecretValueResponse previous = sm.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS"));
        assertThat(previous.secretString()).isEqualTo("one");
        assertThat(previous.versionId()).isEqualTo(v1);
        assertThat(sm.describeSecret(b -> b.secretId(name)).versionIdsToStages())
                .containsEntry(v1, List.of("AWSPREVIOUS"))
                .containsEntry(put.versionId(), List.of("AWSCURRENT"));
    }

    @Test
    void putWithPendingStageLeavesCurrentInPlace() {
        String name = name("pending");
        String v1 = sm.createSecret(b -> b.name(name).secretString("live")).versionId();
        PutSecretValueResponse pending = sm.putSecretValue(b -> b.secretId(name).secretString("next")
                .versionStages("AWSPENDING"));

        assertThat(pending.versionStages()).containsExactly("AWSPENDING");
        assertThat(sm.getSecretValue(b -> b.secretId(name)).versionId()).isEqualTo(v1);
        assertThat(sm.getSecretValue(b -> b.secretId(name).versionStage("AWSPENDING")).secretString())
                .isEqualTo("next");
        assertThat(sm.getSecretValue(b -> b.secretId(name).versionId(pending.versionId())).secretString())
                .isEqualTo("next");
    }

    @Test
    void describeShowsWhatAwsShows() {
        String name = name("described");
        Instant before = Instant.now().minusSeconds(2);
        CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString("x").description("the db")
                .tags(Tag.builder().key("team").value("payments").build()));

        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));
        assertThat(d.arn()).isEqualTo(created.arn());
        assertThat(d.name()).isEqualTo(name);
        assertThat(d.description()).isEqualTo("the db");
        assertThat(d.tags()).containsExactly(Tag.builder().key("team").value("payments").build());
        assertThat(d.versionIdsToStages()).isEqualTo(Map.of(created.versionId(), List.of("AWSCURRENT")));
        assertThat(d.createdDate()).isAfter(before).isBefore(Instant.now().plusSeconds(2));
        assertThat(d.lastChangedDate()).isNotNull();
        assertThat(d.deletedDate()).isNull();
    }

    @Test
    void updateChangesDescriptionAndValue() {
        String name = name("updated");
        String v1 = sm.createSecret(b -> b.name(name).secretString("a").description("old")).versionId();
        sm.updateSecret(b -> b.secretId(name).description("new"));
        assertThat(sm.describeSecret(b -> b.secretId(name)).description()).isEqualTo("new");

        String v2 = sm.updateSecret(b -> b.secretId(name).secretString("b")).versionId();
        assertThat(v2).isNotEqualTo(v1);
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("b");
        assertThat(sm.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS")).versionId()).isEqualTo(v1);
    }

    @Test
    void creatingAnExistingNameFails() {
        String name = name("taken");
        sm.createSecret(b -> b.name(name).secretString("first"));

        assertThatThrownBy(() -> sm.createSecret(b -> b.name(name).secretString("second")))
                .isInstanceOf(ResourceExistsException.class)
                .hasMessageContaining("The operation failed because the secret " + name + " already exists.");
    }

    @Test
    void scheduledDeletionHidesValueButNotDescription() {
        String name = name("doomed");
        sm.createSecret(b -> b.name(name).secretString("x"));
        DeleteSecretResponse deleted = sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));

        assertThat(deleted.deletionDate()).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60),
                Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));
        assertThat(sm.describeSecret(b -> b.secretId(name)).deletedDate()).isNotNull();
        assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(name)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("marked for deletion");
        assertThatThrownBy(() -> sm.putSecretValue(b -> b.secretId(name).secretString("y")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> sm.createSecret(b -> b.name(name).secretString("again")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("already scheduled for deletion");
    }

    @Test
    void forceDeleteFreesTheNameAndRetiresTheOldArn() {
        String name = name("purged");
        String oldArn = sm.createSecret(b -> b.name(name).secretString("old")).arn();
        sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));

        assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(name)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Secrets Manager can't find the specified secret.");
        String newArn = sm.createSecret(b -> b.name(name).secretString("new")).arn();
        assertThat(newArn).isNotEqualTo(oldArn);
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("new");
        assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(oldArn)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void unknownSecretIsNotFoundEverywhere() {
        String name = name("never-created");
        assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(name))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sm.describeSecret(b -> b.secretId(name))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sm.putSecretValue(b -> b.secretId(name).secretString("x")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sm.updateSecret(b -> b.secretId(name).description("x")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sm.deleteSecret(b -> b.secretId(name))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void everyWriteIsReadableFromTheNextRequest() {
        String name = name("ryw");
        sm.createSecret(b -> b.name(name).secretString("0"));
        for (int i = 1; i <= 20; i++) {
            String value = String.valueOf(i);
            sm.putSecretValue(b -> b.secretId(name).secretString(value));
            assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo(value);
        }
    }
}
