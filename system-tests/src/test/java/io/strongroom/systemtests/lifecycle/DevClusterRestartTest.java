package io.strongroom.systemtests.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.TestIdentities;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** A clean stop and a start on the same data directory keep every secret. */
class DevClusterRestartTest {

    @Test
    void aRestartOnTheSameDataDirectoryKeepsEverySecret(@TempDir Path dataDir) {
        String arn;
        try (DevCluster cluster = started(dataDir);
                SecretsManagerClient sm = Clients.secretsManager(cluster.endpoint(), "AKIAANYKEY")) {
            arn = sm.createSecret(b -> b.name("kept").secretString("v1")).arn();
            sm.putSecretValue(b -> b.secretId("kept").secretString("v2"));
        }
        try (DevCluster cluster = started(dataDir);
                SecretsManagerClient sm = Clients.secretsManager(cluster.endpoint(), "AKIAANYKEY")) {
            assertThat(sm.getSecretValue(b -> b.secretId(arn)).secretString()).isEqualTo("v2");
            assertThat(sm.getSecretValue(b -> b.secretId("kept").versionStage("AWSPREVIOUS")).secretString())
                    .isEqualTo("v1");
            sm.putSecretValue(b -> b.secretId("kept").secretString("v3"));
            assertThat(sm.getSecretValue(b -> b.secretId("kept")).secretString()).isEqualTo("v3");
        }
    }

    private static DevCluster started(Path dataDir) {
        DevCluster cluster = new DevCluster("us-east-1", dataDir, 0, 2, TestIdentities.devIdentity("AKIAANYKEY")).start();
        await().atMost(Duration.ofSeconds(60)).until(cluster::isReady);
        return cluster;
    }
}
