package io.strongroom.systemtests.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.event.Outcome;
import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.deploy.cluster.RegionServices;
import io.strongroom.embedded.EmbeddedKafka;
import io.strongroom.embedded.FreePorts;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.EventLog;
import io.strongroom.systemtests.support.LedgerVerifier;
import io.strongroom.systemtests.support.Normalised;
import io.strongroom.systemtests.support.TempDirs;
import io.strongroom.systemtests.support.TestIdentities;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * The log is the source of truth: with both RocksDB directories (command-service and projection)
 * deleted, restarted services answer every read exactly as before and carry on writing from where
 * the log ends.
 */
@Timeout(120)
class RebuildFromLogTest {
    private static final Topics TOPICS = Topics.standard(4);
    private static final String ROTATED = "rebuild/rotated";
    private static final String DESCRIBED = "rebuild/described";
    private static final String SCHEDULED = "rebuild/scheduled";
    private static final String RECREATED = "rebuild/recreated";
    private static final String EMPTY = "rebuild/empty";

    private Path dir;
    private EmbeddedKafka kafka;
    private RegionServices.Settings settings;
    private RegionServices services;
    private SecretsManagerClient client;
    /** Every version id the history created, per secret name: reads fetch each one, labelled or not. */
    private final Map<String, List<String>> versions = new LinkedHashMap<>();
    private String purgedArn;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("strongroom-rebuild");
        kafka = EmbeddedKafka.builder().logDir(dir.resolve("kafka")).build().start();
        settings = new RegionServices.Settings("us-east-1", KafkaSettings.of(kafka.bootstrapServers()), TOPICS,
                dir.resolve("services"), "127.0.0.1", FreePorts.findFreePort(), TestIdentities.devIdentity("AKIAREBUILDTEST00001"));
        services = startServices();
        client = Clients.secretsManager(services.endpoint(), "AKIAREBUILDTEST00001");
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (services != null) {
            services.close();
        }
        kafka.close();
        TempDirs.delete(dir);
    }

    @Test
    void wipedRocksDbRebuildsIdenticalStateFromTheLogAndWritesContinueInSequence() {
        writeHistory();
        Map<String, Object> before = snapshot();
        List<Outcome> logBefore = EventLog.read(kafka.bootstrapServers(), TOPICS);

        services.close();
        TempDirs.delete(settings.dataDir().resolve("command-service"));
        TempDirs.delete(settings.dataDir().resolve("projection"));
        assertThat(settings.dataDir().resolve("command-service")).doesNotExist();
        assertThat(settings.dataDir().resolve("projection")).doesNotExist();
        services = startServices();

        assertThat(snapshot()).as("every read after the rebuild").isEqualTo(before);
        assertThat(EventLog.read(kafka.bootstrapServers(), TOPICS)).as("the rebuild appends nothing").hasSameSizeAs(logBefore);

        // The command-service's rebuilt state knows the tokens: a repeat is idempotent, a changed repeat refused.
        String third = versions.get(ROTATED).get(2);
        assertThat(client.putSecretValue(r -> r.secretId(ROTATED).clientRequestToken(third).secretString("v3"))
                .versionId()).isEqualTo(third);
        assertThatThrownBy(() -> client.putSecretValue(r -> r.secretId(ROTATED).clientRequestToken(third)
                .secretString("something else"))).isInstanceOf(ResourceExistsException.class);

        // New writes carry on: AWSCURRENT moves, AWSPREVIOUS follows it, AWSPENDING stays.
        String fifth = put(ROTATED, "v5");
        Map<String, List<String>> stages = client.describeSecret(r -> r.secretId(ROTATED)).versionIdsToStages();
        List<String> ids = versions.get(ROTATED);
        assertThat(stages).containsEntry(fifth, List.of("AWSCURRENT"))
                .containsEntry(ids.get(3), List.of("AWSPREVIOUS"))
                .containsEntry(ids.get(1), List.of("AWSPENDING"))
                .hasSize(3);
        assertThat(client.getSecretValue(r -> r.secretId(ROTATED)).secretString()).isEqualTo("v5");
        String described = put(DESCRIBED, "d3");
        assertThat(client.getSecretValue(r -> r.secretId(DESCRIBED).versionStage("AWSPREVIOUS")).versionId())
                .isEqualTo(versions.get(DESCRIBED).get(1));
        assertThat(client.getSecretValue(r -> r.secretId(DESCRIBED)).versionId()).isEqualTo(described);

        LedgerVerifier.assertLogSound(EventLog.read(kafka.bootstrapServers(), TOPICS));
    }

    /** Creates, puts with and without stages, a binary value, an update of the description and of the value, deletes. */
    private void writeHistory() {
        create(ROTATED, "v1");
        String pending = token(ROTATED);
        client.putSecretValue(r -> r.secretId(ROTATED).clientRequestToken(pending).secretString("v2")
                .versionStages("AWSPENDING"));
        put(ROTATED, "v3");
        String binary = token(ROTATED);
        client.putSecretValue(r -> r.secretId(ROTATED).clientRequestToken(binary)
                .secretBinary(SdkBytes.fromString("v4 bytes", StandardCharsets.UTF_8)));

        String first = token(DESCRIBED);
        client.createSecret(r -> r.name(DESCRIBED).clientRequestToken(first).secretString("d1")
                .description("first description").tags(t -> t.key("team").value("vault")));
        client.updateSecret(r -> r.secretId(DESCRIBED).description("second description"));
        String second = token(DESCRIBED);
        client.updateSecret(r -> r.secretId(DESCRIBED).clientRequestToken(second).secretString("d2"));

        create(SCHEDULED, "s1");
        client.deleteSecret(r -> r.secretId(SCHEDULED).recoveryWindowInDays(7L));

        purgedArn = create(RECREATED, "r1");
        client.deleteSecret(r -> r.secretId(RECREATED).forceDeleteWithoutRecovery(true));
        create(RECREATED, "r2");

        client.createSecret(r -> r.name(EMPTY).description("no value yet"));
    }

    /** Describe, every version by id, the current value, and the list pages, with or without planned deletions. */
    /**
     * Every read a client can make of the history, normalised. LastAccessedDate is left out: it is
     * not in the event log (the access topic carries it) and the snapshot's own reads change it.
     */
    private Map<String, Object> snapshot() {
        Map<String, Object> reads = new LinkedHashMap<>();
        for (String name : List.of(ROTATED, DESCRIBED, SCHEDULED, RECREATED, EMPTY)) {
            reads.put("describe " + name, Normalised.answer(() -> client.describeSecret(r -> r.secretId(name))));
            reads.put("current " + name, Normalised.answer(() -> client.getSecretValue(r -> r.secretId(name))));
            for (String versionId : versions.getOrDefault(name, List.of())) {
                reads.put("version " + name + " " + versionId, Normalised.answer(() ->
                        client.getSecretValue(r -> r.secretId(name).versionId(versionId))));
            }
        }
        reads.put("describe purged ARN", Normalised.answer(() -> client.describeSecret(r -> r.secretId(purgedArn))));
        reads.put("list", listAll(false));
        reads.put("list with planned deletion", listAll(true));
        reads.replaceAll((read, answer) -> Normalised.without(answer, "LastAccessedDate"));
        return reads;
    }

    private List<Object> listAll(boolean includePlannedDeletion) {
        List<Object> pages = new ArrayList<>();
        String next = null;
        for (int page = 0; page < 10; page++) {
            String token = next;
            ListSecretsResponse response = client.listSecrets(r -> r.maxResults(2).nextToken(token)
                    .includePlannedDeletion(includePlannedDeletion));
            pages.add(Normalised.of(response));
            next = response.nextToken();
            if (next == null) {
                return pages;
            }
        }
        throw new AssertionError("more than 10 pages of 2 secrets");
    }

    private String create(String name, String value) {
        String versionId = token(name);
        return client.createSecret(r -> r.name(name).clientRequestToken(versionId).secretString(value)).arn();
    }

    private String put(String name, String value) {
        String versionId = token(name);
        PutSecretValueResponse response = client.putSecretValue(r -> r.secretId(name).clientRequestToken(versionId)
                .secretString(value));
        assertThat(response.versionStages()).containsExactly("AWSCURRENT");
        return versionId;
    }

    private String token(String name) {
        String versionId = UUID.randomUUID().toString();
        versions.computeIfAbsent(name, n -> new ArrayList<>()).add(versionId);
        return versionId;
    }

    private RegionServices startServices() {
        RegionServices started = new RegionServices(settings).start();
        await("services ready").atMost(Duration.ofSeconds(30)).until(started::isReady);
        return started;
    }
}
