package io.strongroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.codec.Json;
import io.strongroom.core.replication.ReplicaStatus;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import io.strongroom.core.secret.StagingLabels;
import io.strongroom.core.secret.Tag;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateCodecTest {
    private static final Instant T = Instant.parse("2026-11-28T15:55:00.123456789Z");

    @Test
    void everyFieldComesBackAsItWas() {
        Map<String, SecretVersion> versions = new LinkedHashMap<>();
        versions.put("v-old", new SecretVersion("v-old", List.of(), T.minusSeconds(86_400)));
        versions.put("v-prev", new SecretVersion("v-prev", List.of(StagingLabels.PREVIOUS, "blue"), T.minusSeconds(60)));
        versions.put("v-cur", new SecretVersion("v-cur", List.of("grün", StagingLabels.CURRENT, StagingLabels.PENDING), T));
        SecretState state = new SecretState("s-1", "111122223333", "us-east-1", "prod/db/pässwörd", "the main database",
                "alias/custom", List.of(new Tag("team", "payments"), new Tag("empty", "")), T.minusSeconds(90_000),
                T, T.plusSeconds(1), T.plusSeconds(7 * 86_400), versions, 42, Lifecycle.SCHEDULED_FOR_DELETION,
                "{\"Version\":\"2012-10-17\"}", null,
                List.of(new ReplicaStatus("eu-west-1", "alias/aws/secretsmanager", ReplicationState.IN_SYNC, null, 41),
                        new ReplicaStatus("ap-south-1", null, ReplicationState.FAILED, "no such key", 3)));

        SecretState decoded = StateCodec.decode(StateCodec.encode(state));

        assertThat(decoded).isEqualTo(state);
        assertThat(List.copyOf(decoded.versions().keySet())).as("versions keep their order")
                .containsExactly("v-old", "v-prev", "v-cur");
        assertThat(decoded.versions().get("v-cur").stages()).containsExactly("grün", "AWSCURRENT", "AWSPENDING");
        assertThat(decoded.versions().get("v-cur").stages().get(1)).isSameAs(StagingLabels.CURRENT);
    }

    @Test
    void absentFieldsStayAbsent() {
        SecretState bare = new SecretState("s-2", "111122223333", "us-east-1", "bare", null, null, List.of(), T, T,
                null, null, Map.of(), 0, null);

        assertThat(StateCodec.decode(StateCodec.encode(bare))).isEqualTo(bare);
    }

    @Test
    void aBusySecretTakesAFractionOfItsJson() {
        Map<String, SecretVersion> versions = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            String id = "3f1c2a9e-0b7d-4c55-9a21-" + String.format("%012d", i);
            versions.put(id, new SecretVersion(id, i == 99 ? List.of(StagingLabels.CURRENT) : List.of(), T.plusMillis(i)));
        }
        SecretState busy = new SecretState("s-3", "111122223333", "us-east-1", "busy", null, null, List.of(), T, T,
                null, null, versions, 200, Lifecycle.ACTIVE);

        byte[] encoded = StateCodec.encode(busy);

        assertThat(StateCodec.decode(encoded)).isEqualTo(busy);
        assertThat(encoded.length).as("binary %d bytes, JSON %d", encoded.length, Json.write(busy).length)
                .isLessThan(Json.write(busy).length / 2);
    }

    @Test
    void aTruncatedRecordIsAStoreErrorNotAWrongState() {
        byte[] encoded = StateCodec.encode(new SecretState("s-4", "111122223333", "us-east-1", "n", "d", null,
                List.of(), T, T, null, null, Map.of(), 1, Lifecycle.ACTIVE));

        assertThatThrownBy(() -> StateCodec.decode(Arrays.copyOf(encoded, encoded.length - 3)))
                .isInstanceOf(StoreException.class).hasMessageContaining("corrupt state record");
        assertThatThrownBy(() -> StateCodec.decode(new byte[] {'{'}))
                .isInstanceOf(StoreException.class).hasMessageContaining("unknown state record tag");
    }
}
