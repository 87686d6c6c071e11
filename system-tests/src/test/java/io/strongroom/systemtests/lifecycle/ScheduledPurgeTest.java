package io.strongroom.systemtests.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.kafka.Topics;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.TestIdentities;
import io.strongroom.systemtests.support.KeyLog;
import io.strongroom.systemtests.support.MovableClock;
import io.strongroom.systemtests.support.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Deletion really happens: a dev cluster (real broker, ZooKeeper, command-service, projection,
 * gateway and scheduler) whose clock the test moves past the end of a recovery window.
 */
class ScheduledPurgeTest {
    static final int PARTITIONS = 2;
    static final MovableClock clock = new MovableClock();
    static Path dataDir;
    static DevCluster cluster;
    static SecretsManagerClient sm;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("strongroom-scheduled-purge");
        cluster = new DevCluster("us-east-1", dataDir, 0, PARTITIONS, TestIdentities.devIdentity("AKIAANYKEY"), clock).start();
        await().atMost(Duration.ofSeconds(60)).until(cluster::isReady);
        sm = Clients.secretsManager(cluster.endpoint(), "AKIAANYKEY");
    }

    @AfterAll
    static void stop() {
        sm.close();
        cluster.close();
        TempDirs.delete(dataDir);
    }

    @Test
    void aSecretIsPurgedWhenItsRecoveryWindowEndsAndItsNameIsFreeAgain() {
        CreateSecretResponse doomed = sm.createSecret(b -> b.name("purge/doomed").secretString("old"));
        sm.createSecret(b -> b.name("purge/thirty-days").secretString("kept"));
        sm.deleteSecret(b -> b.secretId("purge/doomed").recoveryWindowInDays(7L));
        sm.deleteSecret(b -> b.secretId("purge/thirty-days"));

        clock.advance(Duration.ofDays(7).plusMinutes(1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThatThrownBy(() -> sm.describeSecret(b -> b.secretId(doomed.arn())))
                        .isInstanceOf(ResourceNotFoundException.class));
        assertThat(sm.describeSecret(b -> b.secretId("purge/thirty-days")).deletedDate())
                .as("a secret whose window has not ended is still there").isNotNull();

        CreateSecretResponse reborn = sm.createSecret(b -> b.name("purge/doomed").secretString("new"));
        assertThat(reborn.arn()).isNotEqualTo(doomed.arn());
        assertThat(sm.getSecretValue(b -> b.secretId("purge/doomed")).secretString()).isEqualTo("new");
        assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(doomed.arn())))
                .isInstanceOf(ResourceNotFoundException.class);

        Map<String, byte[]> keys = KeyLog.lastRecords(cluster.bootstrapServers(), Topics.standard(PARTITIONS));
        assertThat(keys).as("the purged version's data key is tombstoned")
                .hasEntrySatisfying(keyOf(keys, doomed.versionId()), value -> assertThat(value).isNull());
        assertThat(keys.get(keyOf(keys, reborn.versionId()))).as("the new incarnation's key").isNotNull();
    }

    @Test
    void aRestoredSecretOutlivesItsOldDeletionDate() {
        sm.createSecret(b -> b.name("purge/restored").secretString("saved"));
        sm.deleteSecret(b -> b.secretId("purge/restored").recoveryWindowInDays(7L));
        sm.restoreSecret(b -> b.secretId("purge/restored"));

        clock.advance(Duration.ofDays(8));

        // Several scheduler ticks (1 s each in the dev cluster) pass, and the secret stays.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(sm.getSecretValue(b -> b.secretId("purge/restored")).secretString()).isEqualTo("saved"));
        assertThat(sm.describeSecret(b -> b.secretId("purge/restored")).deletedDate()).isNull();
    }

    /** The keys topic's record key ({@code secretId/versionId}) of a version. */
    private static String keyOf(Map<String, byte[]> keys, String versionId) {
        return keys.keySet().stream().filter(k -> k.endsWith("/" + versionId)).findFirst()
                .orElseThrow(() -> new AssertionError("no key record for version " + versionId));
    }
}
