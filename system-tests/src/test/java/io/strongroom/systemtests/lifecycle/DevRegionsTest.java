package io.strongroom.systemtests.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.replication.PeerRegion;
import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.deploy.cluster.DevRegions;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.ReplicationChecks;
import io.strongroom.systemtests.support.TestIdentities;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The dev cluster's regions ({@code strongroom dev}: us-east-1 and eu-west-1 by default) each run
 * their own broker, ZooKeeper and services under {@code <data-dir>/<region>}, know each other as
 * peers, and replicate to each other.
 */
class DevRegionsTest {

    @Test
    void theDefaultRegionsKnowEachOtherAndASecretReplicatesBetweenThem(@TempDir Path dataDir) {
        try (DevRegions regions = new DevRegions(DevRegions.DEFAULT_REGIONS, dataDir, 0, 2,
                TestIdentities.devIdentity("AKIAANYKEY")).start()) {
            await().atMost(Duration.ofSeconds(60)).until(regions::isReady);
            DevCluster us = regions.region("us-east-1").orElseThrow();
            DevCluster eu = regions.region("eu-west-1").orElseThrow();
            assertThat(us.dataDir()).isEqualTo(dataDir.resolve("us-east-1"));
            assertThat(us.bootstrapServers()).isNotEqualTo(eu.bootstrapServers());
            assertThat(us.services().replication().registry().peers()).extracting(PeerRegion::name)
                    .containsExactly("eu-west-1");
            assertThat(eu.services().replication().registry().peers()).extracting(PeerRegion::name)
                    .containsExactly("us-east-1");

            try (SecretsManagerClient east = Clients.secretsManager(us.endpoint(), Region.US_EAST_1, "AKIAANYKEY");
                    SecretsManagerClient west = Clients.secretsManager(eu.endpoint(), Region.EU_WEST_1, "AKIAANYKEY")) {
                east.createSecret(r -> r.name("prod/db/password").secretString("hunter2")
                        .addReplicaRegions(rr -> rr.region("eu-west-1")));
                ReplicationChecks.awaitInSync(east, "prod/db/password", "eu-west-1");
                await().atMost(ReplicationChecks.PATIENCE).ignoreExceptions().untilAsserted(() ->
                        assertThat(west.getSecretValue(r -> r.secretId("prod/db/password")).secretString())
                                .isEqualTo("hunter2"));
            }
        }
    }

    @Test
    void regionIServesOnPortPlusI(@TempDir Path dataDir) {
        DevRegions regions = new DevRegions(List.of("us-east-1", "eu-west-1", "ap-south-1"), dataDir, 17070, 1,
                TestIdentities.devIdentity("AKIAANYKEY"));
        assertThat(regions.regions()).extracting(DevCluster::region)
                .containsExactly("us-east-1", "eu-west-1", "ap-south-1");
        assertThat(regions.regions()).extracting(r -> r.dataDir().getFileName().toString())
                .containsExactly("us-east-1", "eu-west-1", "ap-south-1");
        assertThat(regions.regions()).extracting(DevCluster::port)
                .containsExactly(17070, 17071, 17072);
    }
}
