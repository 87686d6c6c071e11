package io.strongroom.systemtests.replication;

import static io.strongroom.systemtests.support.ReplicationChecks.PATIENCE;
import static io.strongroom.systemtests.support.ReplicationChecks.assertReplicatedExactlyOnce;
import static io.strongroom.systemtests.support.ReplicationChecks.awaitInSync;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.codec.Json;
import io.strongroom.systemtests.support.FixtureRegion;
import io.strongroom.systemtests.support.ServicesProcess;
import io.strongroom.systemtests.support.TestAccount;
import io.strongroom.systemtests.support.TestWorkspace;
import io.strongroom.systemtests.support.TwoRegions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The region's active replicator ({@code strongroom replicator} in a child JVM) SIGKILLed while changes
 * stream: the standby (in the test JVM) takes over once the dead one's ZooKeeper session ends, and the
 * replica ends with every change exactly once.
 */
@Timeout(300)
@ExtendWith(TwoRegions.class)
class ReplicatorKillTest {
    private static final String EU = TwoRegions.REPLICA;
    private final TestWorkspace workspace = TestWorkspace.create("strongroom-replicator-kill", getClass());
    private FixtureRegion primary;
    private ServicesProcess child;
    private SecretsManagerClient us;
    private SecretsManagerClient eu;
    private TestAccount account;

    @BeforeEach
    void onlyTheChildReplicates() throws Exception {
        primary = TwoRegions.primary();
        account = TwoRegions.newAccount();
        us = primary.client(account);
        eu = TwoRegions.replica().client(account);
        primary.replication().stopReplicator();
        Path peers = workspace.dir().resolve("peers.json");
        Files.write(peers, Json.MAPPER.writeValueAsBytes(List.of(TwoRegions.replica().asPeer())));
        child = workspace.track(ServicesProcess.of(workspace.dir(), "replicator", List.of("replicator",
                "--kafka", primary.kafka().bootstrapServers(), "--region", primary.name(),
                "--partitions", String.valueOf(primary.topics().partitions()),
                "--zookeeper", primary.zookeeperSettings().connectString(),
                "--peers", peers.toString(), "--data-dir", primary.servicesDir().toString(),
                "--ack-timeout-ms", String.valueOf(TwoRegions.ACK_TIMEOUT.toMillis())), ServicesProcess.NO_HEALTH));
        child.start();
    }

    @AfterEach
    void standbyRemains() throws Exception {
        primary.replication().startReplicator();
        us.close();
        eu.close();
        workspace.close();
    }

    @Test
    void sigkillOfTheActiveReplicatorMidStreamHandsOverToTheStandbyWithNothingLostOrDoubled() {
        us.createSecret(r -> r.name("kill/streamed").secretString("v0").addReplicaRegions(rr -> rr.region(EU)));
        awaitInSync(us, "kill/streamed", EU);
        assertThat(child.isAlive()).as("the child replicated it: the test JVM's replicator was stopped").isTrue();
        primary.replication().startReplicator();

        for (int i = 1; i <= 30; i++) {
            String value = "v" + i;
            us.putSecretValue(r -> r.secretId("kill/streamed").secretString(value));
            if (i == 10) {
                child.kill();
            }
        }

        awaitInSync(us, "kill/streamed", EU);
        Awaitility.await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(eu.getSecretValue(r -> r.secretId("kill/streamed")).secretString()).isEqualTo("v30"));
        assertThat(eu.listSecretVersionIds(r -> r.secretId("kill/streamed").includeDeprecated(true)).versions())
                .hasSize(31);
        assertReplicatedExactlyOnce(primary, TwoRegions.replica(), account.accountId(), "kill/streamed");
    }
}
