package io.strongroom.projection;

import static io.strongroom.projection.Commands.ACCOUNT;
import static io.strongroom.projection.ProjectionFixture.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.aggregate.HandledCommand;
import io.strongroom.core.codec.Json;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.query.ListQuery;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.query.SecretPage;
import io.strongroom.core.secret.SecretLocator;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import io.strongroom.core.secret.StagingLabels;
import io.strongroom.projection.apply.FailurePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ProjectionServiceTest {
    @RegisterExtension
    static final BrokerPerClass broker = new BrokerPerClass();

    @TempDir
    Path tmp;
    @RegisterExtension
    final ProjectionFixture fixture = broker.freshTopics();
    private final CommandLog log = fixture.log;

    @Test
    void appliesOutcomesAndKeysAndAnswersSecretDataKeyAndListSecrets() {
        ReadModel model = fixture.startServing(tmp.resolve("p")).readModel();
        CommandEnvelope createAlpha = Commands.create("alpha");
        applied(model, log.run(createAlpha));
        applied(model, log.run(Commands.create("beta")));
        applied(model, log.run(Commands.create("gamma")));
        applied(model, log.run(Commands.put("alpha", "alpha-v2")));

        SecretState alpha = get(model.secret(ACCOUNT, "alpha")).orElseThrow();
        String firstVersion = ((CreateSecret) createAlpha.payload()).clientRequestToken();
        assertThat(alpha.versions()).containsOnlyKeys(firstVersion, "alpha-v2");
        assertThat(alpha.versionWithStage(StagingLabels.CURRENT)).map(SecretVersion::versionId).contains("alpha-v2");
        assertThat(get(model.secret(ACCOUNT, SecretLocator.arnOf(alpha)))).map(SecretState::secretId)
                .contains(alpha.secretId());
        assertThat(get(model.secret("999988887777", "alpha"))).isEmpty();

        WrappedKey key = get(model.dataKey(alpha.secretId(), "alpha-v2")).orElseThrow();
        assertThat(new String(key.ciphertext(), StandardCharsets.UTF_8)).isEqualTo("wrapped:value alpha-v2");
        assertThat(get(model.dataKey(alpha.secretId(), "no-such-version"))).isEmpty();

        SecretPage first = get(model.listSecrets(new ListQuery(ACCOUNT, 2, null)));
        assertThat(first.secrets()).extracting(SecretState::name).containsExactly("alpha", "beta");
        assertThat(first.nextToken()).isNotNull();
        SecretPage second = get(model.listSecrets(new ListQuery(ACCOUNT, 2, first.nextToken())));
        assertThat(second.secrets()).extracting(SecretState::name).containsExactly("gamma");
        assertThat(second.nextToken()).isNull();

        assertThatThrownBy(() -> get(model.listSecrets(new ListQuery(ACCOUNT, 2, "not a token"))))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.rejection().code()).isEqualTo(AwsErrorCode.INVALID_NEXT_TOKEN);
                    assertThat(e.rejection().message()).isEqualTo("The NextToken value is invalid.");
                });
    }

    @Test
    void catchUpCompletesOnceEverythingCommittedBeforeTheCallIsApplied() {
        ReadModel model = fixture.startServing(tmp.resolve("p")).readModel();
        for (int i = 0; i < 40; i++) {
            log.publish(log.decide(Commands.create("bulk-" + i)));
        }

        get(model.catchUp(java.time.Duration.ofSeconds(20)));

        for (int i = 0; i < 40; i++) {
            assertThat(get(model.secret(ACCOUNT, "bulk-" + i))).as("bulk-%d after the barrier", i).isPresent();
        }
    }

    @Test
    void awaitOutcomeCompletesForAppliedRejectedAndUnchangedCommandsAndTimesOutForUnknownOnes() {
        ReadModel model = fixture.startServing(tmp.resolve("p")).readModel();
        CommandEnvelope create = Commands.create("waited-for");
        CompletableFuture<Outcome> registeredBefore = model.awaitOutcome(create.commandId(), Duration.ofSeconds(15));
        log.run(create);
        assertThat(get(registeredBefore).status()).isEqualTo(Outcome.Status.APPLIED);

        Outcome duplicate = log.run(Commands.create("waited-for"));
        Outcome rejected = get(model.awaitOutcome(duplicate.commandId(), Duration.ofSeconds(15)));
        assertThat(rejected.status()).isEqualTo(Outcome.Status.REJECTED);
        assertThat(rejected.rejection().code()).isEqualTo(AwsErrorCode.RESOURCE_EXISTS);

        log.run(Commands.put("waited-for", "token-1"));
        Outcome repeat = log.run(Commands.put("waited-for", "token-1"));
        Outcome unchanged = get(model.awaitOutcome(repeat.commandId(), Duration.ofSeconds(15)));
        assertThat(unchanged.status()).isEqualTo(Outcome.Status.UNCHANGED);
        assertThat(unchanged.existingVersionId()).isEqualTo("token-1");

        assertThat(model.awaitOutcome("never-sent", Duration.ofMillis(200)))
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void aVersionWhoseKeyIsCommittedLaterStaysInvisibleUntilTheKeyArrivesWhileOtherPartitionsFlow()
            throws Exception {
        ProjectionService projection = fixture.startServing(tmp.resolve("p"));
        ReadModel model = projection.readModel();
        applied(model, log.run(Commands.create("gated")));
        HandledCommand put = log.decide(Commands.put("gated", "gated-v2"));
        TopicPartition gatedPartition = new TopicPartition(fixture.topics.events(), log.partitionOf(ACCOUNT, "gated"));

        KafkaProducer<String, byte[]> keyWriter = log.openKeysTransaction(put);
        log.publishOutcomeOnly(put);
        await().atMost(Duration.ofSeconds(15)).until(() -> projection.waitingForKeys().contains(gatedPartition));

        String elsewhere = nameOnAnotherPartition("gated");
        applied(model, log.run(Commands.create(elsewhere)));
        assertThat(get(model.secret(ACCOUNT, "gated")).orElseThrow().versions()).doesNotContainKey("gated-v2");
        assertThat(model.awaitOutcome(put.outcome().commandId(), Duration.ofMillis(300)))
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(TimeoutException.class);

        keyWriter.commitTransaction();
        keyWriter.close();
        applied(model, put.outcome());
        SecretState gated = get(model.secret(ACCOUNT, "gated")).orElseThrow();
        assertThat(gated.versions()).containsKey("gated-v2");
        assertThat(get(model.dataKey(gated.secretId(), "gated-v2"))).isPresent();
        await().atMost(Duration.ofSeconds(5)).until(() -> projection.waitingForKeys().isEmpty());
    }

    @Test
    void aRestartResumesFromTheOffsetsRecordedInTheStore() {
        Path dir = tmp.resolve("p");
        ProjectionService first = fixture.startServing(dir);
        applied(first.readModel(), log.run(Commands.create("one")));
        applied(first.readModel(), log.run(Commands.create("two")));
        first.stop();

        Outcome put = log.run(Commands.put("one", "one-v2"));
        Outcome three = log.run(Commands.create("three"));
        ProjectionService second = fixture.startServing(dir);
        applied(second.readModel(), put);
        applied(second.readModel(), three);

        assertThat(second.appliedOutcomes()).isEqualTo(2);
        assertThat(get(second.readModel().secret(ACCOUNT, "one")).orElseThrow().versions()).containsKey("one-v2");
        assertThat(get(second.readModel().listSecrets(new ListQuery(ACCOUNT, 10, null))).secrets())
                .extracting(SecretState::name).containsExactly("one", "two", "three");
    }

    @Test
    void deletingTheStoreAndRestartingRebuildsIdenticalState() throws IOException {
        Path dir = tmp.resolve("p");
        ProjectionService first = fixture.startServing(dir);
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(log.run(Commands.create("kept")));
        outcomes.add(log.run(Commands.put("kept", "kept-v2")));
        outcomes.add(log.run(Commands.put("kept", "kept-v3")));
        outcomes.add(log.run(Commands.create("scheduled")));
        outcomes.add(log.run(Commands.scheduleDeletion("scheduled")));
        outcomes.add(log.run(Commands.create("reborn")));
        SecretState firstIncarnation = log.state(ACCOUNT, "reborn");
        outcomes.add(log.run(Commands.purge("reborn")));
        outcomes.add(log.run(Commands.create("reborn")));
        outcomes.add(log.run(Commands.createWithoutValue("empty")));
        outcomes.add(log.run(Commands.create("kept")));
        outcomes.forEach(o -> applied(first.readModel(), o));
        List<String> ids = List.of("kept", "scheduled", "reborn", "empty", SecretLocator.arnOf(firstIncarnation));
        String before = snapshot(first.readModel(), ids, firstIncarnation);
        first.stop();

        deleteRecursively(dir);
        ProjectionService rebuilt = fixture.startServing(dir);

        assertThat(snapshot(rebuilt.readModel(), ids, firstIncarnation)).isEqualTo(before);
        assertThat(rebuilt.appliedOutcomes()).isEqualTo(outcomes.size());
        assertThat(get(rebuilt.readModel().secret(ACCOUNT, SecretLocator.arnOf(firstIncarnation)))).isEmpty();
    }

    @Test
    void anUndecodableEventStopsTheInstanceWhichThenRefusesReadsAndFailsItsWaiters() throws Exception {
        ProjectionService projection = fixture.startServing(tmp.resolve("p"));
        CompletableFuture<Outcome> waiting = projection.readModel().awaitOutcome("pending", Duration.ofSeconds(30));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(fixture.kafka.producer("garbage"))) {
            producer.send(new ProducerRecord<>(fixture.topics.events(), 0, "stem",
                    "not an outcome".getBytes(StandardCharsets.UTF_8))).get();
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> projection.phase() == Phase.FAILED);
        assertThat(projection.isServing()).isFalse();
        assertThat(projection.failures(FailurePolicy.Kind.DECODE)).isEqualTo(1);
        assertThat(waiting).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(NotServingException.class);
        assertThatThrownBy(() -> get(projection.readModel().secret(ACCOUNT, "anything")))
                .isInstanceOf(NotServingException.class);
    }

    private static void applied(ReadModel model, Outcome outcome) {
        get(model.awaitOutcome(outcome.commandId(), Duration.ofSeconds(15)));
    }

    private String nameOnAnotherPartition(String name) {
        int taken = log.partitionOf(ACCOUNT, name);
        return Stream.iterate(1, i -> i + 1).map(i -> "elsewhere-" + i)
                .filter(n -> log.partitionOf(ACCOUNT, n) != taken).findFirst().orElseThrow();
    }

    /** Everything the read model answers about the given secrets, as JSON (byte arrays compare by content). */
    private static String snapshot(ReadModel model, List<String> secretIds, SecretState purged) {
        StringBuilder out = new StringBuilder();
        for (String id : secretIds) {
            get(model.secret(ACCOUNT, id)).ifPresentOrElse(state -> {
                out.append(new String(Json.write(state), StandardCharsets.UTF_8)).append('\n');
                state.versions().keySet().forEach(v -> out.append(v).append(" key ")
                        .append(get(model.dataKey(state.secretId(), v)).map(k -> new String(Json.write(k),
                                StandardCharsets.UTF_8)).orElse("none")).append('\n'));
            }, () -> out.append(id).append(" absent\n"));
        }
        purged.versions().keySet().forEach(v -> out.append("purged ").append(v).append(' ')
                .append(get(model.dataKey(purged.secretId(), v)).isPresent()).append('\n'));
        out.append(new String(Json.write(get(model.listSecrets(new ListQuery(ACCOUNT, 100, null)))),
                StandardCharsets.UTF_8));
        return out.toString();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertThat(dir).doesNotExist();
    }
}
