package io.strongroom.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.codec.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * States stay decoded in the stores' caches, so a decoded state holds each string once: a version's
 * id is the map key and the version's field (the JSON has it twice), and Secrets Manager's own labels
 * are the {@link StagingLabels} constants.
 */
class DecodedStateFootprintTest {
    private static final Instant T = Instant.parse("2026-11-28T10:00:00.123456Z");

    @Test
    void aDecodedVersionIsKeyedByItsOwnIdAndSharesTheAwsLabels() {
        Map<String, SecretVersion> versions = new LinkedHashMap<>();
        versions.put("v1", new SecretVersion("v1", List.of("AWSPREVIOUS"), T));
        versions.put("v2", new SecretVersion("v2", List.of("AWSCURRENT", "blue"), T.plusSeconds(1)));
        versions.put("v3", new SecretVersion("v3", List.of(), T.plusSeconds(2)));
        SecretState written = new SecretState("s1", "123456789012", "us-east-1", "app/db", null, null, List.of(), T, T,
                null, null, versions, 3, Lifecycle.ACTIVE);

        SecretState read = Json.read(Json.write(written), SecretState.class);

        assertThat(read).isEqualTo(written);
        for (Map.Entry<String, SecretVersion> entry : read.versions().entrySet()) {
            assertThat(entry.getKey()).isSameAs(entry.getValue().versionId());
        }
        assertThat(read.versions().get("v1").stages().get(0)).isSameAs(StagingLabels.PREVIOUS);
        assertThat(read.versions().get("v2").stages()).containsExactly("AWSCURRENT", "blue");
        assertThat(read.versions().get("v2").stages().get(0)).isSameAs(StagingLabels.CURRENT);
    }

    @Test
    void aLabelSpelledLikeAnAwsOneButDecodedIsTheConstant() {
        byte[] pending = "\"AWSPENDING\"".getBytes(StandardCharsets.UTF_8);
        String decoded = Json.read(pending, String.class);

        assertThat(decoded).isNotSameAs(StagingLabels.PENDING);
        assertThat(StagingLabels.shared(List.of(decoded)).get(0)).isSameAs(StagingLabels.PENDING);
        assertThat(StagingLabels.shared(List.of("custom"))).containsExactly("custom");
        assertThat(StagingLabels.shared(List.of())).isEmpty();
    }
}
