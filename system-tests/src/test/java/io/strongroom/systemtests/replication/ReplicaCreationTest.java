package io.strongroom.systemtests.replication;

import static io.strongroom.systemtests.support.ReplicationChecks.PATIENCE;
import static io.strongroom.systemtests.support.ReplicationChecks.assertReplicatedExactlyOnce;
import static io.strongroom.systemtests.support.ReplicationChecks.awaitInSync;
import static io.strongroom.systemtests.support.ReplicationChecks.awaitStatus;
import static io.strongroom.systemtests.support.ReplicationChecks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.gateway.crypto.MasterKeyFile;
import io.strongroom.systemtests.support.TestAccount;
import io.strongroom.systemtests.support.TwoRegions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ReplicationStatusType;
import software.amazon.awssdk.services.secretsmanager.model.StatusType;

/**
 * A secret replicated to another region, through the AWS SDK against two real regions: created with
 * AddReplicaRegions or replicated later with all its versions, the replica reads the same in its
 * region, under the primary's ARN with its own region, and the primary reports it InSync.
 */
@ExtendWith(TwoRegions.class)
class ReplicaCreationTest {
    private static final String US = TwoRegions.PRIMARY;
    private static final String EU = TwoRegions.REPLICA;
    private static TestAccount account;
    private static SecretsManagerClient us;
    private static SecretsManagerClient eu;

    @BeforeAll
    static void clients() {
        account = TwoRegions.newAccount();
        us = TwoRegions.primary().client(account);
        eu = TwoRegions.replica().client(account);
    }

    @AfterAll
    static void close() {
        us.close();
        eu.close();
    }

    @Test
    void aSecretCreatedWithAReplicaRegionIsReadableThereWithTheSameValueAndTheReplicasArn() {
        String arn = us.createSecret(r -> r.name("prod/db/password").secretString("s3cr3t-value")
                .description("the database").addReplicaRegions(rr -> rr.region(EU))).arn();

        awaitInSync(us, "prod/db/password", EU);
        String value = Awaitility.await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> eu.getSecretValue(r -> r.secretId("prod/db/password")).secretString(), v -> v != null);
        assertThat(value).isEqualTo("s3cr3t-value");

        DescribeSecretResponse replica = eu.describeSecret(r -> r.secretId("prod/db/password"));
        assertThat(replica.arn()).isEqualTo(arn.replace(":" + US + ":", ":" + EU + ":"));
        assertThat(replica.primaryRegion()).isEqualTo(US);
        assertThat(replica.description()).isEqualTo("the database");
        assertThat(eu.getSecretValue(r -> r.secretId(replica.arn())).arn()).isEqualTo(replica.arn());

        DescribeSecretResponse primary = us.describeSecret(r -> r.secretId(arn));
        assertThat(primary.primaryRegion()).isEqualTo(US);
        assertThat(primary.replicationStatus()).singleElement().satisfies(status -> {
            assertThat(status.region()).isEqualTo(EU);
            assertThat(status.status()).isEqualTo(StatusType.IN_SYNC);
            assertThat(status.kmsKeyId()).isNotBlank();
        });
        assertReplicatedExactlyOnce(TwoRegions.primary(), TwoRegions.replica(), account.accountId(), "prod/db/password");
        assertThat(TwoRegions.primary().replication().meters().find("strongroom.replication.lag").tag("target", EU)
                .timer()).as("the replication lag towards %s", EU).isNotNull()
                .satisfies(lag -> assertThat(lag.count()).isPositive());
    }

    @Test
    void replicatingAnExistingSecretCarriesEveryVersionAndItsLabels() {
        us.createSecret(r -> r.name("app/api-key").secretString("v1"));
        String second = us.putSecretValue(r -> r.secretId("app/api-key").secretString("v2")).versionId();
        String third = us.putSecretValue(r -> r.secretId("app/api-key").secretString("v3")).versionId();

        var answer = us.replicateSecretToRegions(r -> r.secretId("app/api-key").addReplicaRegions(rr -> rr.region(EU)));

        assertThat(answer.replicationStatus()).extracting(ReplicationStatusType::region).containsExactly(EU);
        assertThat(answer.replicationStatus().get(0).status()).isIn(StatusType.IN_PROGRESS, StatusType.IN_SYNC);
        awaitInSync(us, "app/api-key", EU);
        assertThat(eu.getSecretValue(r -> r.secretId("app/api-key")).secretString()).isEqualTo("v3");
        assertThat(eu.getSecretValue(r -> r.secretId("app/api-key").versionStage("AWSPREVIOUS")).secretString())
                .isEqualTo("v2");
        assertThat(eu.getSecretValue(r -> r.secretId("app/api-key").versionId(third)).versionStages())
                .containsExactly("AWSCURRENT");
        assertThat(eu.getSecretValue(r -> r.secretId("app/api-key").versionId(second)).secretString()).isEqualTo("v2");
        assertThat(eu.listSecretVersionIds(r -> r.secretId("app/api-key").includeDeprecated(true)).versions())
                .hasSize(3);
        assertReplicatedExactlyOnce(TwoRegions.primary(), TwoRegions.replica(), account.accountId(), "app/api-key");
    }

    @Test
    void eachRegionWrapsTheReplicasDataKeysUnderItsOwnMasterKeys() throws Exception {
        us.createSecret(r -> r.name("keys/own").secretString("sealed-twice").addReplicaRegions(rr -> rr.region(EU)));
        awaitInSync(us, "keys/own", EU);

        assertThat(eu.getSecretValue(r -> r.secretId("keys/own")).secretString()).isEqualTo("sealed-twice");
        Path usKeys = TwoRegions.primary().servicesDir().resolve(MasterKeyFile.FILE_NAME);
        Path euKeys = TwoRegions.replica().servicesDir().resolve(MasterKeyFile.FILE_NAME);
        assertThat(Files.readAllBytes(usKeys)).as("the regions share no master key file").isNotEqualTo(
                Files.readAllBytes(euKeys));
    }

    @Test
    void aReplicaKmsKeyTheTargetRegionDoesNotHaveLeavesTheReplicaFailed() {
        us.createSecret(r -> r.name("keys/unknown").secretString("x")
                .addReplicaRegions(rr -> rr.region(EU).kmsKeyId("alias/not-in-eu")));

        awaitStatus(us, "keys/unknown", EU, StatusType.FAILED);
        assertThat(status(us, "keys/unknown", EU)).get().extracting(ReplicationStatusType::statusMessage)
                .asString().startsWith("Replication failed");
    }

    @Test
    void listSecretsShowsThePrimaryRegionInBothRegions() {
        us.createSecret(r -> r.name("listed/secret").secretString("x").addReplicaRegions(rr -> rr.region(EU)));
        awaitInSync(us, "listed/secret", EU);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(eu.listSecrets(r -> r.filters(f -> f.key("name").values("listed/secret"))).secretList())
                        .singleElement().satisfies(entry -> assertThat(entry.primaryRegion()).isEqualTo(US)));
        assertThat(us.listSecrets(r -> r.filters(f -> f.key("name").values("listed/secret"))).secretList())
                .singleElement().satisfies(entry -> assertThat(entry.primaryRegion()).isEqualTo(US));
    }
}
