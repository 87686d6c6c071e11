package io.strongroom.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A state's versions are immutable, so states share them until one changes, and a builder copies once. */
class VersionMapTest {
    private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void aChangeThatLeavesTheVersionsAloneSharesThem() {
        SecretState state = state();

        SecretState.Builder next = state.toBuilder();
        next.description = "changed";
        SecretState changed = next.build();

        assertThat(changed.versions()).isSameAs(state.versions());
    }

    @Test
    void aBuilderThatChangesVersionsLeavesTheOriginalAsItWas() {
        SecretState state = state();

        SecretState.Builder next = state.toBuilder();
        next.addVersion(new SecretVersion("v3", List.of(), T.plusSeconds(2)));
        next.setStages("v2", List.of(StagingLabels.PREVIOUS));
        next.removeVersion("v1");
        SecretState first = next.build();
        next.addVersion(new SecretVersion("v4", List.of(), T.plusSeconds(3)));
        SecretState second = next.build();

        assertThat(state.versions()).containsOnlyKeys("v1", "v2");
        assertThat(state.versions().get("v2").stages()).containsExactly(StagingLabels.CURRENT);
        assertThat(List.copyOf(first.versions().keySet())).containsExactly("v2", "v3");
        assertThat(first.versions().get("v2").stages()).containsExactly(StagingLabels.PREVIOUS);
        assertThat(List.copyOf(second.versions().keySet()))
                .as("building again starts from the state, not from the map the first build took over")
                .containsExactly("v1", "v2", "v4");
    }

    @Test
    void noOneCanChangeAStatesVersions() {
        Map<String, SecretVersion> versions = state().versions();

        assertThatThrownBy(() -> versions.put("v9", new SecretVersion("v9", List.of(), T)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> versions.remove("v1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> versions.keySet().remove("v1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> versions.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> versions.entrySet().iterator().next().setValue(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMapGivenToAStateIsCopiedSoChangingItLaterChangesNothing() {
        Map<String, SecretVersion> given = new LinkedHashMap<>();
        given.put("v1", new SecretVersion("v1", List.of(StagingLabels.CURRENT), T));
        SecretState state = new SecretState("s1", "123456789012", "us-east-1", "app/db", null, null, List.of(), T, T,
                null, null, given, 1, Lifecycle.ACTIVE);

        given.put("v2", new SecretVersion("v2", List.of(), T));

        assertThat(state.versions()).containsOnlyKeys("v1");
    }

    private static SecretState state() {
        Map<String, SecretVersion> versions = new LinkedHashMap<>();
        versions.put("v1", new SecretVersion("v1", List.of(), T));
        versions.put("v2", new SecretVersion("v2", List.of(StagingLabels.CURRENT), T.plusSeconds(1)));
        return new SecretState("s1", "123456789012", "us-east-1", "app/db", null, null, List.of(), T, T, null, null,
                versions, 2, Lifecycle.ACTIVE);
    }
}
