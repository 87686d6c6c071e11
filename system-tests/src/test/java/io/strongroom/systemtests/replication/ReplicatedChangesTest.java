package io.strongroom.systemtests.replication;

import static io.strongroom.systemtests.support.ReplicationChecks.PATIENCE;
import static io.strongroom.systemtests.support.ReplicationChecks.assertReplicatedExactlyOnce;
import static io.strongroom.systemtests.support.ReplicationChecks.awaitInSync;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.systemtests.support.TestAccount;
import io.strongroom.systemtests.support.TwoRegions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** Everything a reader of the replica can see follows the primary: versions, labels, metadata, deletion, restore. */
@ExtendWith(TwoRegions.class)
class ReplicatedChangesTest {
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

    private static void replicated(String name) {
        us.createSecret(r -> r.name(name).secretString("first").addReplicaRegions(rr -> rr.region(EU)));
        awaitInSync(us, name, EU);
    }

    /** Waits for the replica to show what the primary shows, then checks nothing was applied twice. */
    private static void converges(String name, Runnable check) {
        Awaitility.await(name + " in " + EU).atMost(PATIENCE).ignoreExceptions().untilAsserted(check::run);
        awaitInSync(us, name, EU);
        assertReplicatedExactlyOnce(TwoRegions.primary(), TwoRegions.replica(), account.accountId(), name);
    }

    @Test
    void newVersionsAndStagingLabelMovesReplicate() {
        replicated("changes/versions");
        String v2 = us.putSecretValue(r -> r.secretId("changes/versions").secretString("second")).versionId();
        String v3 = us.putSecretValue(r -> r.secretId("changes/versions").secretString("third")
                .versionStages("STAGING")).versionId();
        us.updateSecretVersionStage(r -> r.secretId("changes/versions").versionStage("AWSCURRENT")
                .moveToVersionId(v3).removeFromVersionId(v2));

        converges("changes/versions", () -> {
            assertThat(eu.getSecretValue(r -> r.secretId("changes/versions")).secretString()).isEqualTo("third");
            assertThat(eu.getSecretValue(r -> r.secretId("changes/versions").versionStage("AWSPREVIOUS")).versionId())
                    .isEqualTo(v2);
            assertThat(eu.getSecretValue(r -> r.secretId("changes/versions").versionId(v3)).versionStages())
                    .containsExactlyInAnyOrder("AWSCURRENT", "STAGING");
        });
    }

    @Test
    void descriptionTagsAndResourcePolicyReplicate() {
        replicated("changes/metadata");
        String arn = us.describeSecret(r -> r.secretId("changes/metadata")).arn();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + account.accountId() + ":root\"},\"Action\":\"secretsmanager:GetSecretValue\","
                + "\"Resource\":\"*\"}]}";
        us.updateSecret(r -> r.secretId("changes/metadata").description("now described"));
        us.tagResource(r -> r.secretId("changes/metadata").tags(Tag.builder().key("team").value("payments").build(),
                Tag.builder().key("env").value("prod").build()));
        us.untagResource(r -> r.secretId("changes/metadata").tagKeys("env"));
        us.putResourcePolicy(r -> r.secretId("changes/metadata").resourcePolicy(policy));

        converges("changes/metadata", () -> {
            var replica = eu.describeSecret(r -> r.secretId("changes/metadata"));
            assertThat(replica.description()).isEqualTo("now described");
            assertThat(replica.tags()).containsExactly(Tag.builder().key("team").value("payments").build());
            assertThat(eu.getResourcePolicy(r -> r.secretId("changes/metadata")).resourcePolicy()).isNotBlank();
        });
        assertThat(eu.getResourcePolicy(r -> r.secretId(arn.replace(TwoRegions.PRIMARY, EU))).name())
                .isEqualTo("changes/metadata");
    }

    @Test
    void aHistoryWithADeletionAndARestoreReplaysIntoAReadableReplica() {
        us.createSecret(r -> r.name("changes/restored").secretString("before"));
        us.deleteSecret(r -> r.secretId("changes/restored").recoveryWindowInDays(7L));
        us.restoreSecret(r -> r.secretId("changes/restored"));
        us.putSecretValue(r -> r.secretId("changes/restored").secretString("after"));

        us.replicateSecretToRegions(r -> r.secretId("changes/restored").addReplicaRegions(rr -> rr.region(EU)));

        converges("changes/restored", () -> {
            assertThat(eu.getSecretValue(r -> r.secretId("changes/restored")).secretString()).isEqualTo("after");
            assertThat(eu.describeSecret(r -> r.secretId("changes/restored")).deletedDate()).isNull();
        });
    }
}
