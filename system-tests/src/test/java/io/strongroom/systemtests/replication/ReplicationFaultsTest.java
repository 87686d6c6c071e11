package io.strongroom.systemtests.replication;

import static io.strongroom.systemtests.support.ReplicationChecks.PATIENCE;
import static io.strongroom.systemtests.support.ReplicationChecks.assertReplicatedExactlyOnce;
import static io.strongroom.systemtests.support.ReplicationChecks.awaitInSync;
import static io.strongroom.systemtests.support.ReplicationChecks.awaitStatus;
import static io.strongroom.systemtests.support.ReplicationChecks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.systemtests.support.FixtureRegion;
import io.strongroom.systemtests.support.TestAccount;
import io.strongroom.systemtests.support.TwoRegions;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ReplicationStatusType;
import software.amazon.awssdk.services.secretsmanager.model.StatusType;

/**
 * A region's broker stopped and started again: the other region shows InProgress, then Failed with a
 * message, and converges to InSync by itself, with every change applied exactly once; a replica
 * promoted while its primary's region is down is dropped by the primary when it returns.
 */
@Timeout(300)
@ExtendWith(TwoRegions.class)
class ReplicationFaultsTest {
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

    /** Whatever a test stopped comes back, for the next test of the JVM. */
    @AfterEach
    void brokersRun() {
        for (FixtureRegion region : new FixtureRegion[] {TwoRegions.primary(), TwoRegions.replica()}) {
            if (!region.broker().isRunning()) {
                region.startBroker();
            }
        }
    }

    @Test
    void aTargetRegionThatIsDownShowsInProgressThenFailedAndConvergesWhenItReturns() {
        us.createSecret(r -> r.name("faults/steady").secretString("v0").addReplicaRegions(rr -> rr.region(EU)));
        awaitInSync(us, "faults/steady", EU);

        TwoRegions.replica().stopBroker();
        var created = us.createSecret(r -> r.name("faults/new").secretString("n1").addReplicaRegions(rr -> rr.region(EU)));
        assertThat(created.replicationStatus()).singleElement().extracting(ReplicationStatusType::status)
                .isEqualTo(StatusType.IN_PROGRESS);
        for (int i = 1; i <= 5; i++) {
            String value = "v" + i;
            us.putSecretValue(r -> r.secretId("faults/steady").secretString(value));
        }
        awaitStatus(us, "faults/new", EU, StatusType.FAILED);
        awaitStatus(us, "faults/steady", EU, StatusType.FAILED);
        assertThat(status(us, "faults/new", EU)).get().extracting(ReplicationStatusType::statusMessage)
                .asString().contains(EU);

        TwoRegions.replica().startBroker();

        awaitInSync(us, "faults/new", EU);
        awaitInSync(us, "faults/steady", EU);
        Awaitility.await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(eu.getSecretValue(r -> r.secretId("faults/steady")).secretString()).isEqualTo("v5");
            assertThat(eu.getSecretValue(r -> r.secretId("faults/new")).secretString()).isEqualTo("n1");
        });
        assertReplicatedExactlyOnce(TwoRegions.primary(), TwoRegions.replica(), account.accountId(), "faults/steady");
        assertReplicatedExactlyOnce(TwoRegions.primary(), TwoRegions.replica(), account.accountId(), "faults/new");
    }

    @Test
    void aReplicaPromotedWhileThePrimaryRegionIsDownIsDroppedByThePrimaryWhenItReturns() {
        us.createSecret(r -> r.name("faults/dr").secretString("before-outage").addReplicaRegions(rr -> rr.region(EU)));
        awaitInSync(us, "faults/dr", EU);

        TwoRegions.primary().stopBroker();
        assertThat(eu.getSecretValue(r -> r.secretId("faults/dr")).secretString()).isEqualTo("before-outage");
        eu.stopReplicationToReplica(r -> r.secretId("faults/dr"));
        eu.putSecretValue(r -> r.secretId("faults/dr").secretString("written-during-outage"));

        TwoRegions.primary().startBroker();

        Awaitility.await("the primary drops " + EU).atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().untilAsserted(() -> assertThat(status(us, "faults/dr", EU)).isEmpty());
        assertThat(eu.getSecretValue(r -> r.secretId("faults/dr")).secretString()).isEqualTo("written-during-outage");
        assertThat(eu.describeSecret(r -> r.secretId("faults/dr")).primaryRegion()).isNull();
    }
}
