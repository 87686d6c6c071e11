package io.strongroom.systemtests.replication;

import static io.strongroom.systemtests.support.ReplicationChecks.PATIENCE;
import static io.strongroom.systemtests.support.ReplicationChecks.awaitInSync;
import static io.strongroom.systemtests.support.ReplicationChecks.awaitStatus;
import static io.strongroom.systemtests.support.ReplicationChecks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.TestAccount;
import io.strongroom.systemtests.support.TwoRegions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.StatusType;

/**
 * A replica's life as AWS defines it: removed with its region, promoted by StopReplicationToReplica,
 * read-only in its region but for its KmsKeyId, a primary with replicas that cannot be deleted, and a
 * name already taken in the target region.
 */
@ExtendWith(TwoRegions.class)
class ReplicaLifecycleTest {
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
        us.createSecret(r -> r.name(name).secretString("primary-value").addReplicaRegions(rr -> rr.region(EU)));
        awaitInSync(us, name, EU);
    }

    /** AWS's answer to a change made in a replica's region. */
    private static void refusedOnAReplica(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidParameterException.class, e ->
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                        "Operation not permitted on a replica secret. Call must be made in primary secret's region."));
    }

    @Test
    void removingTheRegionDeletesTheReplica() {
        replicated("life/removed");

        var answer = us.removeRegionsFromReplication(r -> r.secretId("life/removed").removeReplicaRegions(EU));

        assertThat(answer.replicationStatus()).noneMatch(s -> s.region().equals(EU));
        assertThat(us.describeSecret(r -> r.secretId("life/removed")).replicationStatus()).isEmpty();
        Awaitility.await().atMost(PATIENCE).untilAsserted(() ->
                assertThatThrownBy(() -> eu.describeSecret(r -> r.secretId("life/removed")))
                        .isInstanceOf(ResourceNotFoundException.class));
        assertThat(us.getSecretValue(r -> r.secretId("life/removed")).secretString()).isEqualTo("primary-value");
    }

    @Test
    void stoppingReplicationPromotesTheReplicaAndThePrimaryDropsTheRegion() {
        replicated("life/promoted");

        String arn = eu.stopReplicationToReplica(r -> r.secretId("life/promoted")).arn();

        assertThat(arn).contains(":" + EU + ":");
        eu.putSecretValue(r -> r.secretId("life/promoted").secretString("written-in-eu"));
        assertThat(eu.getSecretValue(r -> r.secretId("life/promoted")).secretString()).isEqualTo("written-in-eu");
        assertThat(eu.describeSecret(r -> r.secretId("life/promoted")).primaryRegion())
                .as("a standalone secret without replicas names no primary region").isNull();
        Awaitility.await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(status(us, "life/promoted", EU)).isEmpty());
        us.putSecretValue(r -> r.secretId("life/promoted").secretString("written-in-us"));
        assertThat(eu.getSecretValue(r -> r.secretId("life/promoted")).secretString()).isEqualTo("written-in-eu");
    }

    @Test
    void aReplicaRefusesWritesInItsRegionButAcceptsANewKmsKey() {
        replicated("life/read-only");

        refusedOnAReplica(() -> eu.putSecretValue(r -> r.secretId("life/read-only").secretString("nope")));
        refusedOnAReplica(() -> eu.updateSecret(r -> r.secretId("life/read-only").description("nope")));
        refusedOnAReplica(() -> eu.deleteSecret(r -> r.secretId("life/read-only")));
        refusedOnAReplica(() -> eu.tagResource(r -> r.secretId("life/read-only").tags(t -> t.key("k").value("v"))));

        eu.updateSecret(r -> r.secretId("life/read-only").kmsKeyId("alias/aws/secretsmanager"));

        assertThat(eu.getSecretValue(r -> r.secretId("life/read-only")).secretString()).isEqualTo("primary-value");
        assertThat(us.getSecretValue(r -> r.secretId("life/read-only")).secretString()).isEqualTo("primary-value");
    }

    @Test
    void aPrimaryWithReplicasCannotBeDeleted() {
        replicated("life/undeletable");

        String arn = us.describeSecret(r -> r.secretId("life/undeletable")).arn();
        assertThatThrownBy(() -> us.deleteSecret(r -> r.secretId("life/undeletable").recoveryWindowInDays(7L)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith("You can't delete secret " + arn
                                + " that still has replica regions [" + EU + "]"));
        assertThat(us.describeSecret(r -> r.secretId("life/undeletable")).deletedDate()).isNull();
    }

    @Test
    void aNameTakenInTheTargetRegionFailsUntilForceOverwriteReplicaSecret() {
        eu.createSecret(r -> r.name("life/taken").secretString("eu-own-value"));

        us.createSecret(r -> r.name("life/taken").secretString("primary-value").addReplicaRegions(rr -> rr.region(EU)));

        awaitStatus(us, "life/taken", EU, StatusType.FAILED);
        assertThat(status(us, "life/taken", EU)).get().satisfies(s ->
                assertThat(s.statusMessage()).contains("already exists"));
        assertThat(eu.getSecretValue(r -> r.secretId("life/taken")).secretString()).isEqualTo("eu-own-value");

        us.removeRegionsFromReplication(r -> r.secretId("life/taken").removeReplicaRegions(EU));
        assertThat(eu.getSecretValue(r -> r.secretId("life/taken")).secretString()).isEqualTo("eu-own-value");
        us.replicateSecretToRegions(r -> r.secretId("life/taken").addReplicaRegions(rr -> rr.region(EU))
                .forceOverwriteReplicaSecret(true));

        awaitInSync(us, "life/taken", EU);
        Awaitility.await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(eu.getSecretValue(r -> r.secretId("life/taken")).secretString()).isEqualTo("primary-value"));
        assertThat(eu.describeSecret(r -> r.secretId("life/taken")).primaryRegion()).isEqualTo(TwoRegions.PRIMARY);
    }
}
