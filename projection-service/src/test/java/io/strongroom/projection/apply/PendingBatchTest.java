package io.strongroom.projection.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.aggregate.CommandHandler;
import io.strongroom.core.aggregate.HandledCommand;
import io.strongroom.core.command.Command;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.command.DeleteSecret;
import io.strongroom.core.command.NewValue;
import io.strongroom.core.codec.Json;
import io.strongroom.core.command.PutSecretValue;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.VersionsRemoved;
import io.strongroom.core.secret.EncryptedValue;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.ValueType;
import io.strongroom.store.SecretStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several outcomes of one secret (or one name) in one poll: the store ends as if each were written in turn. */
class PendingBatchTest {
    private static final String ACCOUNT = "111122223333";
    private static final CommandHandler HANDLER = new CommandHandler("eu-west-1");

    @TempDir
    Path dir;

    @Test
    void aSecretChangedThriceInOneBatchIsStoredAsItsLastState() {
        HandledCommand created = HANDLER.handle(command("db", create("db")), null, Instant.now());
        HandledCommand put1 = HANDLER.handle(command("db", put("v2")), created.stateAfter(), Instant.now());
        HandledCommand put2 = HANDLER.handle(command("db", put("v3")), put1.stateAfter(), Instant.now());
        try (SecretStore store = SecretStore.open(dir)) {
            apply(store, created, put1, put2);
            SecretState stored = store.byName(ACCOUNT, "db").orElseThrow();
            assertThat(stored).isEqualTo(put2.stateAfter());
            assertThat(stored.versions()).containsKeys("v2", "v3");
        }
    }

    @Test
    void aNameFreedAndTakenAgainInOneBatchPointsAtTheNewIncarnation() {
        HandledCommand old = HANDLER.handle(command("db", create("db")), null, Instant.now());
        HandledCommand purged = HANDLER.handle(command("db", new DeleteSecret(null, true)), old.stateAfter(), Instant.now());
        HandledCommand fresh = HANDLER.handle(command("db", create("db")), null, Instant.now());
        try (SecretStore store = SecretStore.open(dir)) {
            apply(store, old, purged, fresh);
            assertThat(store.byName(ACCOUNT, "db").orElseThrow().secretId()).isEqualTo(fresh.stateAfter().secretId())
                    .isNotEqualTo(old.stateAfter().secretId());
            assertThat(store.byId(old.stateAfter().secretId())).isEmpty();
            assertThat(store.listByName(ACCOUNT, null, 10)).extracting(SecretState::secretId)
                    .containsExactly(fresh.stateAfter().secretId());
        }
    }

    @Test
    void eachVersionsValueIsStoredApartFromTheStateAndLeavesWithItsVersion() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        HandledCommand created = HANDLER.handle(commandAt(t0, create("db")), null, t0);
        try (SecretStore store = SecretStore.open(dir)) {
            apply(store, created);
            SecretState state = created.stateAfter();
            // 99 more versions fill the quota; the 101st, two days later, removes an old unlabelled one.
            HandledCommand last = null;
            for (int i = 2; i <= 101; i++) {
                Instant at = i == 101 ? t0.plus(java.time.Duration.ofDays(2)) : t0;
                last = HANDLER.handle(commandAt(at, put("v" + i)), state, at);
                apply(store, last);
                state = last.stateAfter();
            }
            List<String> removed = last.outcome().events().stream().map(EventEnvelope::payload)
                    .filter(VersionsRemoved.class::isInstance).map(VersionsRemoved.class::cast)
                    .flatMap(r -> r.versionIds().stream()).toList();
            assertThat(removed).hasSize(1);
            String kept = state.versions().keySet().stream().filter(id -> !id.equals("v101")).findFirst().orElseThrow();
            try (SecretStore.Batch keys = store.batch()) {
                for (String versionId : List.of(removed.get(0), kept, "v101")) {
                    keys.putKey(state.secretId() + "/" + versionId, Json.write(new WrappedKey("k#1", new byte[] {1})));
                }
                keys.commit();
            }

            assertThat(new String(store.sealedValue(state.secretId() + "/v101").orElseThrow().value().ciphertext(),
                    StandardCharsets.UTF_8)).isEqualTo("sealed:v101");
            assertThat(store.sealedValue(state.secretId() + "/" + kept)).isPresent();
            assertThat(store.sealedValue(state.secretId() + "/" + removed.get(0))).as("the removed version's value")
                    .isEmpty();
            assertThat(new String(Json.write(store.byId(state.secretId()).orElseThrow()), StandardCharsets.UTF_8))
                    .as("the state holds no value").doesNotContain("sealed:", Base64.getEncoder().encodeToString(
                            "sealed:v101".getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static void apply(SecretStore store, HandledCommand... handled) {
        try (PendingBatch batch = new PendingBatch(store)) {
            for (HandledCommand h : handled) {
                OutcomeFold.apply(batch, h.outcome());
            }
            assertThat(batch.commit()).hasSize(handled.length);
        }
    }

    private static CreateSecret create(String name) {
        return new CreateSecret(UUID.randomUUID().toString(), name, null, null, List.of(), "v1", value("first"));
    }

    private static PutSecretValue put(String versionId) {
        return new PutSecretValue(versionId, value(versionId), null);
    }

    private static NewValue value(String text) {
        return new NewValue(new EncryptedValue(ValueType.STRING, ("sealed:" + text).getBytes(StandardCharsets.UTF_8)),
                new WrappedKey("alias/aws/secretsmanager#1", ("wrapped:" + text).getBytes(StandardCharsets.UTF_8)));
    }

    private static CommandEnvelope commandAt(Instant now, Command payload) {
        return command("db", payload, now);
    }

    private static CommandEnvelope command(String secretId, Command payload) {
        return command(secretId, payload, Instant.now());
    }

    /** A command sent at {@code now}: its deadline is a minute later. */
    private static CommandEnvelope command(String secretId, Command payload, Instant now) {
        return new CommandEnvelope(UUID.randomUUID().toString(), ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/tester",
                now.plusSeconds(60), secretId, null, payload);
    }
}
