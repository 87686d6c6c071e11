package io.strongroom.systemtests.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.embedded.EmbeddedKafka;
import io.strongroom.embedded.FreePorts;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.ServicesProcess;
import io.strongroom.systemtests.support.TempDirs;
import io.strongroom.systemtests.support.TestIdentities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * A deployment as operators run it: command-service, two projection instances and a gateway, each
 * in its own JVM, against one Kafka cluster. Writes are answered once both projections applied them;
 * when one projection dies the gateway routes around it, and it rejoins after catching up.
 */
class SeparateServicesTest {
    private final List<AutoCloseable> started = new ArrayList<>();
    private Path workDir;

    @AfterEach
    void stopAll() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        TempDirs.delete(workDir);
    }

    @Test
    void servicesInTheirOwnProcessesServeReadYourWritesAndSurviveALostProjection() throws Exception {
        workDir = Files.createTempDirectory("strongroom-separate");
        EmbeddedKafka kafka = track(EmbeddedKafka.builder().logDir(workDir.resolve("kafka")).build().start());
        String bootstrap = kafka.bootstrapServers();

        ServicesProcess commands = track(ServicesProcess.of(workDir, "command-service", List.of("command-service",
                "--kafka", bootstrap, "--partitions", "4", "--data-dir", workDir.resolve("cs").toString()),
                ServicesProcess.NO_HEALTH)).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> commands.output().contains("caught up events partitions"));
        int[] ports = FreePorts.findFreePorts(3);
        ServicesProcess projectionA = track(projection(bootstrap, "projection-a", ports[0])).start();
        ServicesProcess projectionB = track(projection(bootstrap, "projection-b", ports[1])).start();
        List<String> gatewayArguments = new ArrayList<>(List.of("gateway", "--kafka", bootstrap,
                "--partitions", "4", "--data-dir", workDir.resolve("gw").toString(), "--dev-identities",
                "--port", String.valueOf(ports[2]),
                "--projection", "http://127.0.0.1:" + ports[0] + ",http://127.0.0.1:" + ports[1]));
        gatewayArguments.addAll(TestIdentities.devIdentityOptions("AKIAANYKEY"));
        ServicesProcess gateway = track(ServicesProcess.of(workDir, "gateway", gatewayArguments, ports[2])).start();

        try (SecretsManagerClient sm = Clients.secretsManager(gateway.endpoint(), "AKIAANYKEY")) {
            Map<String, String> written = new LinkedHashMap<>();
            written.put(sm.createSecret(b -> b.name("svc/db").secretString("v0")).versionId(), "v0");
            for (int i = 1; i <= 10; i++) {
                String value = "v" + i;
                written.put(sm.putSecretValue(b -> b.secretId("svc/db").secretString(value)).versionId(), value);
                // Reads alternate between the two projections: each must already have the write.
                assertThat(sm.getSecretValue(b -> b.secretId("svc/db")).secretString()).isEqualTo(value);
                assertThat(sm.getSecretValue(b -> b.secretId("svc/db")).secretString()).isEqualTo(value);
            }

            // LastAccessedDate: reported to one projection, merged by both through the access topic
            await("both projections know the read day").atMost(Duration.ofSeconds(30)).until(() ->
                    sm.describeSecret(b -> b.secretId("svc/db")).lastAccessedDate() != null
                            && sm.describeSecret(b -> b.secretId("svc/db")).lastAccessedDate() != null);
            assertThat(sm.listSecrets(b -> b.filters(f -> f.key("name").values("svc/"))).secretList())
                    .extracting(e -> e.name()).containsExactly("svc/db");
            assertThat(sm.listSecrets(b -> b.filters(f -> f.key("name").values("!svc/"))).secretList()).isEmpty();

            projectionB.kill();
            String token = UUID.randomUUID().toString();
            await("writes go on with one projection").atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(
                    SecretsManagerException.class).until(() -> {
                        written.put(sm.putSecretValue(b -> b.secretId("svc/db").secretString("after-loss")
                                .clientRequestToken(token)).versionId(), "after-loss");
                        return true;
                    });
            assertThat(sm.getSecretValue(b -> b.secretId("svc/db")).secretString()).isEqualTo("after-loss");

            projectionB.start();
            String rejoined = sm.putSecretValue(b -> b.secretId("svc/db").secretString("after-rejoin")).versionId();
            written.put(rejoined, "after-rejoin");
            for (Map.Entry<String, String> version : written.entrySet()) {
                for (int read = 0; read < 2; read++) {
                    assertThat(sm.getSecretValue(b -> b.secretId("svc/db").versionId(version.getKey())).secretString())
                            .isEqualTo(version.getValue());
                }
            }
            assertThat(sm.describeSecret(b -> b.secretId("svc/db")).versionIdsToStages())
                    .containsEntry(rejoined, List.of("AWSCURRENT"));
        }
    }

    private ServicesProcess projection(String bootstrap, String name, int port) {
        return ServicesProcess.of(workDir, name, List.of("projection-service", "--kafka", bootstrap, "--partitions", "4",
                "--data-dir", workDir.resolve(name).toString(), "--port", String.valueOf(port), "--instance", name), port);
    }

    private <T extends AutoCloseable> T track(T closeable) {
        started.add(closeable);
        return closeable;
    }
}
