package io.strongroom.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.deploy.tls.DevTls;
import io.strongroom.embedded.FreePorts;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.TestIdentities;
import io.strongroom.systemtests.support.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** {@code strongroom dev --tls}: the gateway serves HTTPS with a generated pair an SDK trusts through its CA bundle. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevClusterHttpsTest {
    private Path dataDir;
    private DevTls tls;
    private DevCluster cluster;

    @BeforeAll
    void startDevClusterWithTls() throws Exception {
        dataDir = Files.createTempDirectory("strongroom-dev-tls");
        tls = DevTls.ensure(dataDir);
        cluster = new DevCluster("us-east-1", dataDir, FreePorts.findFreePort(), 2,
                TestIdentities.devIdentity("AKIAANYKEY")).withTls(tls.gateway()).start();
        await().atMost(Duration.ofSeconds(120)).until(cluster::isReady);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        TempDirs.delete(dataDir);
    }

    @Test
    void anSdkTrustingTheGeneratedCaTalksHttpsToTheGateway() {
        assertThat(cluster.endpoint().getScheme()).isEqualTo("https");
        try (SecretsManagerClient sm = Clients.secretsManager(cluster.endpoint(), "AKIAANYKEY", tls.caBundle())) {
            sm.createSecret(b -> b.name("tls/db").secretString("over-tls"));
            assertThat(sm.getSecretValue(b -> b.secretId("tls/db")).secretString()).isEqualTo("over-tls");
        }
    }

    @Test
    void anSdkThatDoesNotTrustTheCaIsRefused() {
        try (SecretsManagerClient sm = Clients.secretsManager(cluster.endpoint(), "AKIAANYKEY")) {
            assertThatThrownBy(() -> sm.listSecrets(b -> {})).isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void thePairIsKeptAcrossRestartsAndTheKeyIsOwnerOnly() throws Exception {
        byte[] certificate = Files.readAllBytes(tls.gateway().certificate());
        assertThat(DevTls.ensure(dataDir)).isEqualTo(tls);
        assertThat(Files.readAllBytes(tls.gateway().certificate())).isEqualTo(certificate);
        assertThat(Files.getPosixFilePermissions(tls.gateway().privateKey()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
