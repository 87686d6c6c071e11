package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.AggregateScenario.given;
import static io.strongroom.core.aggregate.Fixtures.added;
import static io.strongroom.core.aggregate.Fixtures.created;
import static io.strongroom.core.aggregate.Fixtures.stages;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.event.VersionStagesSet;
import io.strongroom.core.secret.SecretState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageMovesTest {
    static final SecretState EMPTY = given(created()).state();
    static final SecretState ONE_CURRENT = given(created(), added("v1"), stages("v1", "AWSCURRENT")).state();

    @Test
    void theFirstVersionOfAnEmptySecretGetsTheLabelsAsked() {
        assertThat(StageMoves.attach(EMPTY, "v1", List.of("AWSCURRENT")))
                .containsExactly(Map.entry("v1", List.of("AWSCURRENT")));
    }

    @Test
    void theFirstVersionOfAnEmptySecretGetsAwsCurrentEvenWhenNotAsked() {
        assertThat(StageMoves.attach(EMPTY, "v1", List.of("AWSPENDING")))
                .containsExactly(Map.entry("v1", List.of("AWSPENDING", "AWSCURRENT")));
        assertThat(StageMoves.attach(EMPTY, "v1", List.of()))
                .containsExactly(Map.entry("v1", List.of("AWSCURRENT")));
    }

    @Test
    void movingAwsCurrentMakesTheOldHolderAwsPrevious() {
        assertThat(StageMoves.attach(ONE_CURRENT, "v2", List.of("AWSCURRENT")))
                .isEqualTo(Map.of("v2", List.of("AWSCURRENT"), "v1", List.of("AWSPREVIOUS")));
    }

    @Test
    void aNewVersionWithoutLabelsChangesNoOtherVersion() {
        assertThat(StageMoves.attach(ONE_CURRENT, "v2", List.of())).isEqualTo(Map.of("v2", List.of()));
    }

    @Test
    void aTargetAlreadyHoldingTheLabelKeepsItsLabelsAndOrderAndNothingMoves() {
        SecretState state = given(created(), added("v1"), stages("v1", "AWSCURRENT", "blue")).state();

        assertThat(StageMoves.attach(state, "v1", List.of("AWSCURRENT")))
                .isEqualTo(Map.of("v1", List.of("AWSCURRENT", "blue")));
    }

    @Test
    void aTargetAlreadyHoldingOneLabelGainsTheOtherWithoutDuplicates() {
        SecretState state = given(created(), added("v1"), stages("v1", "AWSCURRENT"),
                added("v2"), stages("v2", "AWSPENDING")).state();

        assertThat(StageMoves.attach(state, "v2", List.of("AWSPENDING", "AWSPENDING", "blue")))
                .isEqualTo(Map.of("v2", List.of("AWSPENDING", "blue")));
    }

    @Test
    void aLabelIsTakenFromWhicheverVersionHeldIt() {
        SecretState state = given(created(), added("v1"), stages("v1", "AWSCURRENT"),
                added("v2"), new VersionStagesSet(Map.of("v2", List.of("AWSPENDING", "blue")))).state();

        assertThat(StageMoves.attach(state, "v3", List.of("blue")))
                .isEqualTo(Map.of("v3", List.of("blue"), "v2", List.of("AWSPENDING")));
    }
}
