package io.strongroom.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.arn.SecretArn;
import io.strongroom.gateway.support.GatewayUnderTest;
import io.strongroom.gateway.support.TestGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;

/** The seven operations through the AWS SDK v2, against the gateway over an in-memory write path. */
class SecretLifecycleTest {
    @RegisterExtension
    static final GatewayUnderTest gateway = new GatewayUnderTest();
    private final SecretsManagerClient sdk = gateway.sdk();

    @Test
    void aCreatedSecretReadsBackAsItsCurrentVersion() {
        String name = unique("db/password");

        CreateSecretResponse created = sdk.createSecret(r -> r.name(name).secretString("hunter2"));
        GetSecretValueResponse value = sdk.getSecretValue(r -> r.secretId(name));

        assertThat(created.arn()).startsWith("arn:aws:secretsmanager:us-east-1:" + TestGateway.ACCOUNT + ":secret:" + name + "-");
        assertThat(created.name()).isEqualTo(name);
        assertThat(created.versionId()).isNotBlank();
        assertThat(value.arn()).isEqualTo(created.arn());
        assertThat(value.name()).isEqualTo(name);
        assertThat(value.secretString()).isEqualTo("hunter2");
        assertThat(value.secretBinary()).isNull();
        assertThat(value.versionId()).isEqualTo(created.versionId());
        assertThat(value.versionStages()).containsExactly("AWSCURRENT");
        assertThat(value.createdDate()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    }

    @Test
    void theClientRequestTokenBecomesTheVersionId() {
        String token = UUID.randomUUID().toString();

        CreateSecretResponse created = sdk.createSecret(r -> r.name(unique("token")).secretString("v").clientRequestToken(token));

        assertThat(created.versionId()).isEqualTo(token);
    }

    @Test
    void aSecretCreatedWithoutAValueHasNoVersion() {
        String name = unique("empty");

        CreateSecretResponse created = sdk.createSecret(r -> r.name(name));

        assertThat(created.versionId()).isNull();
        assertThatThrownBy(() -> sdk.getSecretValue(r -> r.secretId(name)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Secrets Manager can't find the specified secret value for staging label: AWSCURRENT");
    }

    @Test
    void aBinarySecretReadsBackAsBinary() {
        String name = unique("binary");
        byte[] bytes = {0, 1, 2, (byte) 0xff, 10};

        sdk.createSecret(r -> r.name(name).secretBinary(SdkBytes.fromByteArray(bytes)));
        GetSecretValueResponse value = sdk.getSecretValue(r -> r.secretId(name));

        assertThat(value.secretBinary().asByteArray()).isEqualTo(bytes);
        assertThat(value.secretString()).isNull();
    }

    @Test
    void putSecretValueMakesANewCurrentAndThePreviousCurrentBecomesPrevious() {
        String name = unique("rotating");
        String first = sdk.createSecret(r -> r.name(name).secretString("one")).versionId();

        PutSecretValueResponse put = sdk.putSecretValue(r -> r.secretId(name).secretString("two"));

        assertThat(put.versionStages()).containsExactly("AWSCURRENT");
        assertThat(put.name()).isEqualTo(name);
        assertThat(sdk.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("two");
        GetSecretValueResponse previous = sdk.getSecretValue(r -> r.secretId(name).versionStage("AWSPREVIOUS"));
        assertThat(previous.versionId()).isEqualTo(first);
        assertThat(previous.secretString()).isEqualTo("one");
        assertThat(sdk.describeSecret(r -> r.secretId(name)).versionIdsToStages())
                .containsEntry(first, List.of("AWSPREVIOUS"))
                .containsEntry(put.versionId(), List.of("AWSCURRENT"));
    }

    @Test
    void putSecretValueWithStagesLeavesCurrentAlone() {
        String name = unique("pending");
        sdk.createSecret(r -> r.name(name).secretString("live"));

        PutSecretValueResponse put = sdk.putSecretValue(r -> r.secretId(name).secretString("next").versionStages("AWSPENDING"));

        assertThat(put.versionStages()).containsExactly("AWSPENDING");
        assertThat(sdk.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("live");
        assertThat(sdk.getSecretValue(r -> r.secretId(name).versionStage("AWSPENDING")).secretString()).isEqualTo("next");
        assertThat(sdk.getSecretValue(r -> r.secretId(name).versionId(put.versionId())).secretString()).isEqualTo("next");
    }

    @Test
    void aVersionIsFoundByIdAndStageTogetherOnlyIfTheStageIsOnIt() {
        String name = unique("both");
        String version = sdk.createSecret(r -> r.name(name).secretString("x")).versionId();

        assertThat(sdk.getSecretValue(r -> r.secretId(name).versionId(version).versionStage("AWSCURRENT")).secretString())
                .isEqualTo("x");
        assertThatThrownBy(() -> sdk.getSecretValue(r -> r.secretId(name).versionId(version).versionStage("AWSPENDING")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("You provided a VersionStage that is not associated to the provided VersionId.");
    }

    @Test
    void anUnknownVersionIdIsResourceNotFoundNamingIt() {
        String name = unique("versions");
        sdk.createSecret(r -> r.name(name).secretString("x"));
        String missing = UUID.randomUUID().toString();

        assertThatThrownBy(() -> sdk.getSecretValue(r -> r.secretId(name).versionId(missing)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Secrets Manager can't find the specified secret value for VersionId: " + missing);
    }

    @Test
    void aSecretIsFoundByNameFullArnAndPartialArn() {
        String name = unique("addressing");
        String arn = sdk.createSecret(r -> r.name(name).secretString("v")).arn();
        String partial = "arn:aws:secretsmanager:us-east-1:" + TestGateway.ACCOUNT + ":secret:" + name;

        assertThat(sdk.getSecretValue(r -> r.secretId(arn)).secretString()).isEqualTo("v");
        assertThat(sdk.getSecretValue(r -> r.secretId(partial)).secretString()).isEqualTo("v");
        assertThat(sdk.describeSecret(r -> r.secretId(arn)).name()).isEqualTo(name);
    }

    @Test
    void describeLeavesOutWhatWasNeverSet() {
        String name = unique("bare");
        String arn = sdk.createSecret(r -> r.name(name).secretString("v")).arn();

        DescribeSecretResponse described = sdk.describeSecret(r -> r.secretId(name));

        assertThat(described.arn()).isEqualTo(arn);
        assertThat(described.description()).isNull();
        assertThat(described.kmsKeyId()).isNull();
        assertThat(described.hasTags()).isFalse();
        assertThat(described.deletedDate()).isNull();
        assertThat(described.createdDate()).isNotNull();
        assertThat(described.lastChangedDate()).isNotNull();
        assertThat(described.versionIdsToStages()).hasSize(1);
    }

    @Test
    void describeShowsDescriptionKmsKeyAndTags() {
        String name = unique("full");
        sdk.createSecret(r -> r.name(name).secretString("v").description("the db").kmsKeyId(TestGateway.OTHER_KMS_KEY)
                .tags(Tag.builder().key("team").value("core").build(), Tag.builder().key("env").value("prod").build()));

        DescribeSecretResponse described = sdk.describeSecret(r -> r.secretId(name));

        assertThat(described.description()).isEqualTo("the db");
        assertThat(described.kmsKeyId()).isEqualTo(TestGateway.OTHER_KMS_KEY);
        assertThat(described.tags()).extracting(Tag::key, Tag::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("team", "core"),
                        org.assertj.core.groups.Tuple.tuple("env", "prod"));
        assertThat(sdk.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("v");
    }

    @Test
    void updateSecretWithoutAValueChangesMetadataOnly() {
        String name = unique("meta");
        String version = sdk.createSecret(r -> r.name(name).secretString("v")).versionId();

        UpdateSecretResponse updated = sdk.updateSecret(r -> r.secretId(name).description("new words"));

        assertThat(updated.versionId()).isNull();
        assertThat(updated.name()).isEqualTo(name);
        assertThat(sdk.describeSecret(r -> r.secretId(name)).description()).isEqualTo("new words");
        assertThat(sdk.getSecretValue(r -> r.secretId(name)).versionId()).isEqualTo(version);
    }

    @Test
    void updateSecretWithAValueAndKeyMakesANewCurrentVersionUnderThatKey() {
        String name = unique("rekey");
        sdk.createSecret(r -> r.name(name).secretString("old"));

        UpdateSecretResponse updated = sdk.updateSecret(r -> r.secretId(name).secretString("new")
                .kmsKeyId(TestGateway.OTHER_KMS_KEY));

        assertThat(updated.versionId()).isNotBlank();
        GetSecretValueResponse value = sdk.getSecretValue(r -> r.secretId(name));
        assertThat(value.secretString()).isEqualTo("new");
        assertThat(value.versionId()).isEqualTo(updated.versionId());
        assertThat(sdk.describeSecret(r -> r.secretId(name)).kmsKeyId()).isEqualTo(TestGateway.OTHER_KMS_KEY);
    }

    @Test
    void deleteSchedulesTheDeletionAfterTheRecoveryWindow() {
        String name = unique("doomed");
        String arn = sdk.createSecret(r -> r.name(name).secretString("v")).arn();

        DeleteSecretResponse deleted = sdk.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(7L));

        assertThat(deleted.arn()).isEqualTo(arn);
        assertThat(deleted.name()).isEqualTo(name);
        assertThat(deleted.deletionDate()).isCloseTo(Instant.now().plus(Duration.ofDays(7)),
                org.assertj.core.api.Assertions.within(60, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(sdk.describeSecret(r -> r.secretId(name)).deletedDate()).isNotNull();
        assertThatThrownBy(() -> sdk.getSecretValue(r -> r.secretId(name)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("You can't perform this operation on the secret because it was marked for deletion.");
    }

    @Test
    void deleteWithoutAWindowWaitsThirtyDays() {
        String name = unique("default-window");
        sdk.createSecret(r -> r.name(name).secretString("v"));

        DeleteSecretResponse deleted = sdk.deleteSecret(r -> r.secretId(name));

        assertThat(deleted.deletionDate()).isCloseTo(Instant.now().plus(Duration.ofDays(30)),
                org.assertj.core.api.Assertions.within(60, java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void aForcedDeleteRemovesTheSecretAtOnce() {
        String name = unique("purged");
        String arn = sdk.createSecret(r -> r.name(name).secretString("v")).arn();

        DeleteSecretResponse deleted = sdk.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));

        assertThat(deleted.arn()).isEqualTo(arn);
        assertThat(deleted.deletionDate()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThatThrownBy(() -> sdk.describeSecret(r -> r.secretId(name)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Secrets Manager can't find the specified secret.");
    }

    @Test
    void aRecreatedSecretGetsANewArnAndTheOldOneIsNotFound() {
        String name = unique("reborn");
        String oldArn = sdk.createSecret(r -> r.name(name).secretString("v1")).arn();
        sdk.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));

        String newArn = sdk.createSecret(r -> r.name(name).secretString("v2")).arn();

        assertThat(newArn).isNotEqualTo(oldArn);
        assertThat(SecretArn.parse(newArn)).isPresent();
        assertThatThrownBy(() -> sdk.getSecretValue(r -> r.secretId(oldArn))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(sdk.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("v2");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
