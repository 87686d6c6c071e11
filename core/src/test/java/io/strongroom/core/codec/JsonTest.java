package io.strongroom.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.core.command.Command;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.command.DeleteSecret;
import io.strongroom.core.command.NewValue;
import io.strongroom.core.command.PutSecretValue;
import io.strongroom.core.command.UpdateSecret;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.SecretEvent;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.SecretUpdated;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.event.VersionStagesSet;
import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.replication.ReplicaReply;
import io.strongroom.core.replication.ReplicaStatus;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.EncryptedValue;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import io.strongroom.core.secret.Tag;
import io.strongroom.core.secret.ValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTest {
    static final Instant T = Instant.parse("2024-05-01T10:00:00.123456789Z");
    static final NewValue VALUE = new NewValue(new EncryptedValue(ValueType.BINARY, new byte[] {0, 1, -2, 127}),
            new WrappedKey("alias/aws/secretsmanager#1", new byte[] {9, -9, 42}));
    static final List<Tag> TAGS = List.of(new Tag("team", "payments"), new Tag("env", ""));

    static Stream<Command> commands() {
        return Stream.of(
                new CreateSecret("id-1", "app/db", "desc", "alias/k", TAGS, "v1", VALUE),
                new CreateSecret("id-1", "app/db", null, null, null, null, null),
                new PutSecretValue("v2", VALUE, List.of("AWSPENDING", "blue")),
                new PutSecretValue("v2", VALUE, null),
                new UpdateSecret("d", "alias/k2", "v3", VALUE),
                new UpdateSecret(null, null, "v3", null),
                new DeleteSecret(7, false),
                new DeleteSecret(null, true),
                new io.strongroom.core.command.RestoreSecret(),
                new io.strongroom.core.command.TagResource(TAGS),
                new io.strongroom.core.command.UntagResource(List.of("team")),
                new io.strongroom.core.command.UpdateSecretVersionStage("AWSCURRENT", "v1", "v2"),
                new io.strongroom.core.command.UpdateSecretVersionStage("blue", null, null),
                new CreateSecret("id-1", "app/db", null, null, null, "v1", VALUE,
                        List.of(new ReplicaRegion("us-east-1", null), new ReplicaRegion("ap-south-1", "alias/r")), true),
                new io.strongroom.core.command.ReplicateSecretToRegions(List.of(new ReplicaRegion("us-east-1", "k")), true),
                new io.strongroom.core.command.RemoveRegionsFromReplication(List.of("us-east-1")),
                new io.strongroom.core.command.StopReplicationToReplica(),
                new io.strongroom.core.command.ApplyReplicaDelta("us-east-1", "id-1", "alias/r", true,
                        List.of(new EventEnvelope(1, "p:0", "p", "id-1", "111122223333", 1, "us-east-1", "p", T,
                                new VersionAdded("v1", VALUE.value()))),
                        Map.of("v1", new byte[] {1, 2, 3}), Map.of()),
                new io.strongroom.core.command.RemoveReplica("us-east-1", "id-1"),
                new io.strongroom.core.command.OverwriteForReplica("us-east-1", "id-1"),
                new io.strongroom.core.command.ReportReplicationStatus("us-east-1", 4, ReplicationState.FAILED, "m"),
                new io.strongroom.core.command.ForgetReplica("us-east-1"));
    }

    static List<SecretEvent> everyEvent() {
        return List.of(
                new SecretCreated("app/db", "desc", "alias/k", TAGS),
                new VersionAdded("v1", VALUE.value()),
                new VersionStagesSet(Map.of("v1", List.of("AWSCURRENT"), "v0", List.of())),
                new SecretUpdated("d2", null),
                new DeletionScheduled(T.plusSeconds(86_400)),
                new SecretPurged(),
                new io.strongroom.core.event.SecretRestored(),
                new io.strongroom.core.event.TagsSet(TAGS),
                new io.strongroom.core.event.TagsRemoved(List.of("team")),
                new io.strongroom.core.event.VersionsRemoved(List.of("v0")),
                new io.strongroom.core.event.ReplicaRegionsAdded(List.of(new ReplicaRegion("us-east-1", null)), true),
                new io.strongroom.core.event.ReplicaRegionsRemoved(List.of("us-east-1"), false),
                new io.strongroom.core.event.ReplicationStatusChanged("us-east-1", ReplicationState.IN_SYNC, null, 3),
                new io.strongroom.core.event.ReplicaEstablished("us-east-1", "alias/r"),
                new io.strongroom.core.event.ReplicaPromoted("us-east-1"),
                new io.strongroom.core.event.ResourcePolicyPut("{\"Version\":\"2012-10-17\",\"Statement\":[]}"),
                new io.strongroom.core.event.ResourcePolicyDeleted());
    }

    static JsonNode tree(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aCommandEnvelopeRoundTripsAndNamesItsPayloadType(Command payload) {
        CommandEnvelope command = new CommandEnvelope("cmd-1", "111122223333", "arn:aws:iam::111122223333:user/a", T,
                "app/db", "id-0", payload);

        byte[] json = Json.write(command);

        assertThat(tree(json).path("type").asText()).isEqualTo(payload.getClass().getSimpleName());
        assertThat(Json.read(json, CommandEnvelope.class)).usingRecursiveComparison().isEqualTo(command);
    }

    @Test
    void anAppliedOutcomeWithEveryEventTypeRoundTrips() {
        List<SecretEvent> events = everyEvent();
        List<EventEnvelope> envelopes = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            envelopes.add(new EventEnvelope(1, "cmd-1:" + i, "cmd-1", "id-1", "111122223333", i + 1, "eu-west-1",
                    "arn:aws:iam::111122223333:user/a", T, events.get(i)));
        }
        Outcome outcome = new Outcome("cmd-1", "111122223333", T, "id-1", Outcome.Status.APPLIED, null, null, envelopes);

        byte[] json = Json.write(outcome);

        JsonNode written = tree(json).path("events");
        for (int i = 0; i < events.size(); i++) {
            assertThat(written.get(i).path("type").asText()).isEqualTo(events.get(i).getClass().getSimpleName());
        }
        assertThat(Json.read(json, Outcome.class)).usingRecursiveComparison().isEqualTo(outcome);
    }

    @Test
    void everyEventTypeHasANameAndTheTestsCoverEachOfThem() {
        assertThat(everyEvent()).extracting(e -> e.getClass().getSimpleName())
                .containsExactlyInAnyOrderElementsOf(EventTypeNames.TYPES.keySet());
    }

    @Test
    void anEventNamesItsTypeBeforeItsPayloadSoReadersNeedNotBufferIt() {
        EventEnvelope event = new EventEnvelope(1, "cmd-1:0", "cmd-1", "id-1", "111122223333", 2, "eu-west-1", null, T,
                new VersionAdded("v1", VALUE.value()));

        String json = new String(Json.write(event), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"v\":1,\"eventId\":\"cmd-1:0\"")
                .doesNotContain("principal")
                .contains("\"type\":\"VersionAdded\",\"payload\":{");
        assertThat(Json.read(json.getBytes(StandardCharsets.UTF_8), EventEnvelope.class))
                .usingRecursiveComparison().isEqualTo(event);
    }

    @Test
    void aRejectedOutcomeRoundTrips() {
        Outcome outcome = new Outcome("cmd-2", "111122223333", T, null, Outcome.Status.REJECTED,
                AwsErrorCode.RESOURCE_NOT_FOUND.reject("Secrets Manager can't find the specified secret."), null, null);

        Outcome decoded = Json.read(Json.write(outcome), Outcome.class);

        assertThat(decoded).isEqualTo(outcome);
        assertThat(decoded.events()).isEmpty();
    }

    @Test
    void anUnchangedOutcomeRoundTrips() {
        Outcome outcome = new Outcome("cmd-3", "111122223333", T, "id-1", Outcome.Status.UNCHANGED, null, "v1", List.of());

        assertThat(Json.read(Json.write(outcome), Outcome.class)).isEqualTo(outcome);
    }

    @Test
    void anOutcomeWithReplicaRegionsAndAReplicaReplyRoundTrips() {
        Outcome outcome = new Outcome("cmd-4", "111122223333", T, "id-1", Outcome.Status.REJECTED,
                AwsErrorCode.RESOURCE_EXISTS.reject("taken"), null, List.of(), List.of("us-east-1"),
                new ReplicaReply(0, ReplicaReply.Result.NAME_TAKEN));

        assertThat(Json.read(Json.write(outcome), Outcome.class)).isEqualTo(outcome);
    }

    @Test
    void aStateWithReplicationFactsRoundTrips() {
        SecretState primary = new SecretState("id-1", "111122223333", "eu-west-1", "app/db", null, null, TAGS, T, T,
                null, null, Map.of(), 3, Lifecycle.ACTIVE, null, null,
                List.of(new ReplicaStatus("us-east-1", "alias/r", ReplicationState.FAILED, "unreachable", 2)));
        SecretState replica = new SecretState("id-1", "111122223333", "us-east-1", "app/db", null, "alias/r", TAGS, T,
                T, null, null, Map.of(), 3, Lifecycle.ACTIVE, null, "eu-west-1", List.of());

        assertThat(Json.read(Json.write(primary), SecretState.class)).isEqualTo(primary);
        assertThat(Json.read(Json.write(replica), SecretState.class)).isEqualTo(replica);
        assertThat(tree(Json.write(primary)).path("replicas").get(0).path("status").asText()).isEqualTo("Failed");
    }

    @Test
    void aSecretStateRoundTrips() {
        Map<String, SecretVersion> versions = new java.util.LinkedHashMap<>();
        versions.put("v1", new SecretVersion("v1", List.of("AWSPREVIOUS"), T));
        versions.put("v2", new SecretVersion("v2", List.of("AWSCURRENT", "blue"), T.plusSeconds(1)));
        SecretState state = new SecretState("id-1", "111122223333", "eu-west-1", "app/db", "desc", "alias/k", TAGS,
                T, T.plusSeconds(1), T.plusSeconds(2), T.plusSeconds(3), versions, 7, Lifecycle.SCHEDULED_FOR_DELETION);

        SecretState decoded = Json.read(Json.write(state), SecretState.class);

        assertThat(decoded).usingRecursiveComparison().isEqualTo(state);
        assertThat(decoded.versions().keySet()).containsExactly("v1", "v2");
    }

    @Test
    void unknownFieldsAreIgnoredSoNewerWritersDoNotBreakOlderReaders() {
        String json = "{\"commandId\":\"c\",\"future\":1,\"type\":\"DeleteSecret\","
                + "\"payload\":{\"forceDeleteWithoutRecovery\":true,\"alsoFuture\":\"x\"}}";

        CommandEnvelope decoded = Json.read(json.getBytes(StandardCharsets.UTF_8), CommandEnvelope.class);

        assertThat(decoded.payload()).isEqualTo(new DeleteSecret(null, true));
    }

    @Test
    void aDecodeFailureDoesNotEchoTheInput() {
        byte[] garbage = "{\"commandId\":\"super-secret-value\",".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Json.read(garbage, CommandEnvelope.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageNotContaining("super-secret-value");
    }
}
