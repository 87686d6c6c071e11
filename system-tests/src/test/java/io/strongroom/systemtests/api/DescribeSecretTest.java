package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * DescribeSecret's response through the AWS SDK: every member that has a value, and none that has
 * not ("Secrets Manager only returns fields that have a value in the response").
 */
@ExtendWith(SharedRegion.class)
class DescribeSecretTest {
    private static SecretsManagerClient sm;

    @BeforeAll
    static void client() {
        sm = SharedRegion.newAccount().client(SharedRegion.endpoint());
    }

    @AfterAll
    static void close() {
        sm.close();
    }

    private static String name(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void describesArnNameDescriptionTagsVersionsAndDates() {
        String name = name("described");
        Instant before = Instant.now().minusSeconds(5);
        CreateSecretResponse created = sm.createSecret(b -> b.name(name).description("what it is")
                .tags(Tag.builder().key("team").value("core").build(), Tag.builder().key("flag").build())
                .secretString("v1"));
        String second = sm.putSecretValue(b -> b.secretId(name).secretString("v2")).versionId();

        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));

        assertThat(d.arn()).isEqualTo(created.arn());
        assertThat(d.name()).isEqualTo(name);
        assertThat(d.description()).isEqualTo("what it is");
        assertThat(d.tags()).extracting(Tag::key).containsExactly("team", "flag");
        assertThat(d.tags().get(0).value()).isEqualTo("core");
        assertThat(d.versionIdsToStages()).containsOnlyKeys(created.versionId(), second);
        assertThat(d.versionIdsToStages().get(second)).containsExactly("AWSCURRENT");
        assertThat(d.versionIdsToStages().get(created.versionId())).containsExactly("AWSPREVIOUS");
        assertThat(d.createdDate()).isAfter(before);
        assertThat(d.lastChangedDate()).isAfterOrEqualTo(d.createdDate());
    }

    @Test
    void membersWithoutAValueAreLeftOut() {
        String name = name("bare");
        sm.createSecret(b -> b.name(name));

        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));

        assertThat(d.description()).isNull();
        assertThat(d.kmsKeyId()).isNull();
        assertThat(d.hasTags()).isFalse();
        assertThat(d.hasVersionIdsToStages()).isFalse();
        assertThat(d.lastAccessedDate()).isNull();
        assertThat(d.deletedDate()).isNull();
        assertThat(d.rotationEnabled()).isNull();
        assertThat(d.rotationLambdaARN()).isNull();
        assertThat(d.rotationRules()).isNull();
        assertThat(d.lastRotatedDate()).isNull();
        assertThat(d.nextRotationDate()).isNull();
        assertThat(d.owningService()).isNull();
        assertThat(d.primaryRegion()).isNull();
        assertThat(d.hasReplicationStatus()).isFalse();
        assertThat(d.createdDate()).isNotNull();
    }

    @Test
    void theAwsManagedKeyIsLeftOutEvenWhenNamed() {
        String name = name("default-key");
        sm.createSecret(b -> b.name(name).kmsKeyId("alias/aws/secretsmanager").secretString("v"));

        assertThat(sm.describeSecret(b -> b.secretId(name)).kmsKeyId()).isNull();
    }

    @Test
    void aSecretScheduledForDeletionIsStillDescribedWithItsDeletedDate() {
        String name = name("scheduled");
        sm.createSecret(b -> b.name(name).secretString("v"));
        Instant deletion = sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L)).deletionDate();

        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));

        assertThat(d.deletedDate()).isNotNull();
        assertThat(d.deletedDate()).isBefore(deletion);
        assertThat(d.hasVersionIdsToStages()).isTrue();
    }

    @Test
    void describingNeitherReadsTheValueNorSetsLastAccessedDate() {
        String name = name("looked-at");
        sm.createSecret(b -> b.name(name).secretString("v"));
        for (int i = 0; i < 3; i++) {
            sm.describeSecret(b -> b.secretId(name));
        }
        sm.listSecrets(b -> b.maxResults(100));

        assertThat(sm.describeSecret(b -> b.secretId(name)).lastAccessedDate()).isNull();
    }

    @Test
    void anUnknownSecretIsNotFound() {
        assertThatThrownBy(() -> sm.describeSecret(b -> b.secretId(name("missing"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Secrets Manager can't find the specified secret.");
    }

    @Test
    void itIsFoundByFullAndPartialArnToo() {
        String name = name("by-arn");
        String arn = sm.createSecret(b -> b.name(name)).arn();
        for (String id : List.of(arn, arn.substring(0, arn.length() - 7))) {
            assertThat(sm.describeSecret(b -> b.secretId(id)).name()).isEqualTo(name);
        }
    }
}
