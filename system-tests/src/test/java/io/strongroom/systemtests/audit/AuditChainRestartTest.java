package io.strongroom.systemtests.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.audit.AuditRecord;
import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.systemtests.support.AuditTopic;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.TestIdentities;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** A gateway restarted on its data directory continues its own hash chain: one chain, no seam. */
class AuditChainRestartTest {

    @Test
    void aRestartedGatewayContinuesItsChainFromItsLastRecord(@TempDir Path dataDir) {
        String before;
        try (DevCluster cluster = started(dataDir);
                SecretsManagerClient sm = Clients.secretsManager(cluster.endpoint(), "AKIAANYKEY")) {
            sm.createSecret(b -> b.name("audited-across-restart").secretString("v1"));
            before = sm.listSecrets().responseMetadata().requestId();
            awaitRecord(cluster, before);
        }
        try (DevCluster cluster = started(dataDir);
                SecretsManagerClient sm = Clients.secretsManager(cluster.endpoint(), "AKIAANYKEY")) {
            String after = sm.listSecrets().responseMetadata().requestId();
            AuditRecord first = awaitRecord(cluster, before);
            AuditRecord next = awaitRecord(cluster, after);

            assertThat(next.gatewayId()).isEqualTo(first.gatewayId());
            assertThat(next.seq()).isEqualTo(first.seq() + 1);
            assertThat(next.prevHash()).isEqualTo(first.hash());
            AuditTopic.Run run = AuditTopic.command(cluster.bootstrapServers(), "verify");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.output()).contains("1 gateway chain(s)").contains("seq 0.." + next.seq());
        }
    }

    private static AuditRecord awaitRecord(DevCluster cluster, String requestId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<AuditRecord> records = AuditTopic.records(cluster.bootstrapServers());
            return records.stream().filter(r -> requestId.equals(r.requestId())).findFirst().orElse(null);
        }, r -> r != null);
    }

    private static DevCluster started(Path dataDir) {
        DevCluster cluster = new DevCluster("us-east-1", dataDir, 0, 2, TestIdentities.devIdentity("AKIAANYKEY")).start();
        await().atMost(Duration.ofSeconds(60)).until(cluster::isReady);
        return cluster;
    }
}
