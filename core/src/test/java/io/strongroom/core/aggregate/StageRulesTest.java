package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.AggregateScenario.given;
import static io.strongroom.core.aggregate.Fixtures.added;
import static io.strongroom.core.aggregate.Fixtures.created;
import static io.strongroom.core.aggregate.Fixtures.stages;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.command.UpdateSecretVersionStage;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.VersionStagesSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StageRulesTest {

    static UpdateSecretVersionStage move(String label, String removeFrom, String moveTo) {
        return new UpdateSecretVersionStage(label, removeFrom, moveTo);
    }

    @Test
    void movingAwsCurrentPutsAwsPreviousOnTheVersionItLeft() {
        HandledCommand handled = given(created(),
                added("v0"), stages("v0", "AWSPREVIOUS"),
                added("v1"), stages("v1", "AWSCURRENT"),
                added("v2"), stages("v2", "AWSPENDING"))
                .when(move("AWSCURRENT", "v1", "v2"))
                .expectEvents(new VersionStagesSet(Map.of(
                        "v0", List.of(),
                        "v1", List.of("AWSPREVIOUS"),
                        "v2", List.of("AWSPENDING", "AWSCURRENT"))));

        assertThat(handled.stateAfter().versionWithStage("AWSCURRENT")).get().extracting(v -> v.versionId())
                .isEqualTo("v2");
        assertThat(handled.keyChanges()).isEmpty();
    }

    @Test
    void movingAwsCurrentBackOntoThePreviousVersionSwapsTheTwo() {
        given(created(), added("v1"), stages("v1", "AWSPREVIOUS"), added("v2"), stages("v2", "AWSCURRENT"))
                .when(move("AWSCURRENT", "v2", "v1"))
                .expectEvents(new VersionStagesSet(Map.of(
                        "v1", List.of("AWSCURRENT"),
                        "v2", List.of("AWSPREVIOUS"))));
    }

    @Test
    void movingAwsCurrentKeepsTheCustomLabelsOfBothVersions() {
        given(created(), added("v1"), stages("v1", "AWSCURRENT", "blue"), added("v2"), stages("v2", "green"))
                .when(move("AWSCURRENT", "v1", "v2"))
                .expectEvents(new VersionStagesSet(Map.of(
                        "v1", List.of("blue", "AWSPREVIOUS"),
                        "v2", List.of("green", "AWSCURRENT"))));
    }

    @Test
    void aLabelAttachedElsewhereCannotMoveWithoutRemoveFromVersionId() {
        given(created(), added("v1"), stages("v1", "AWSCURRENT"), added("v2"), stages("v2", "AWSPENDING"))
                .when(move("AWSCURRENT", null, "v2"))
                .expectRejection(AwsErrorCode.INVALID_PARAMETER,
                        "The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently "
                                + "attached to version v1, so you must explicitly reference that version in "
                                + "RemoveFromVersionId.");
    }

    @Test
    void removeFromVersionIdThatDoesNotHoldTheLabelIsAnInvalidParameter() {
        given(created(), added("v1"), stages("v1", "AWSCURRENT"), added("v2"), stages("v2", "AWSPENDING"),
                added("v3"), stages("v3", "AWSPREVIOUS"))
                .when(move("AWSCURRENT", "v3", "v2"))
                .expectRejection(AwsErrorCode.INVALID_PARAMETER, StageRules.notOnRemoveFrom("AWSCURRENT", "v3"));
    }

    @Test
    void aLabelAttachedNowhereIsAddedWithoutRemoveFromVersionId() {
        given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                .when(move("blue", null, "v1"))
                .expectEvents(new VersionStagesSet(Map.of("v1", List.of("AWSCURRENT", "blue"))));
    }

    @Test
    void aCustomLabelMovesAndItsHolderKeepsItsOtherLabels() {
        given(created(), added("v1"), stages("v1", "AWSCURRENT", "blue"), added("v2"), stages("v2", "AWSPENDING"))
                .when(move("blue", "v1", "v2"))
                .expectEvents(new VersionStagesSet(Map.of(
                        "v1", List.of("AWSCURRENT"),
                        "v2", List.of("AWSPENDING", "blue"))));
    }

    @Test
    void withoutMoveToVersionIdTheLabelIsOnlyRemovedAndTheVersionMayBecomeDeprecated() {
        HandledCommand handled = given(created(), added("v1"), stages("v1", "AWSCURRENT"),
                added("v2"), stages("v2", "AWSPENDING"))
                .when(move("AWSPENDING", "v2", null))
                .expectEvents(new VersionStagesSet(Map.of("v2", List.of())));

        assertThat(handled.stateAfter().version("v2")).get().extracting(v -> v.stages()).asList().isEmpty();
    }

    @Test
    void removingAwsCurrentWithoutMovingItMovesNoOtherLabel() {
        given(created(), added("v1"), stages("v1", "AWSPREVIOUS"), added("v2"), stages("v2", "AWSCURRENT"))
                .when(move("AWSCURRENT", "v2", null))
                .expectEvents(new VersionStagesSet(Map.of("v2", List.of())));
    }

    @Test
    void movingALabelOntoTheVersionThatHoldsItChangesNothing() {
        given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                .when(move("AWSCURRENT", null, "v1"))
                .expectEvents();
    }

    @Test
    void anUnknownMoveToVersionIdIsAnInvalidParameter() {
        given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                .when(move("blue", null, "nope"))
                .expectRejection(AwsErrorCode.INVALID_PARAMETER, "Not a valid version: nope");
    }

    @Test
    void anUnknownRemoveFromVersionIdIsAnInvalidParameter() {
        given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                .when(move("AWSCURRENT", "nope", "v1"))
                .expectRejection(AwsErrorCode.INVALID_PARAMETER, "Not a valid version: nope");
    }

    @Test
    void aTwentyFirstLabelOnAVersionIsALimitExceeded() {
        List<String> twenty = new ArrayList<>(List.of("AWSCURRENT"));
        IntStream.rangeClosed(2, 20).forEach(i -> twenty.add("label" + i));
        given(created(), added("v1"), stages("v1", twenty.toArray(String[]::new)))
                .when(move("one-too-many", null, "v1"))
                .expectRejection(AwsErrorCode.LIMIT_EXCEEDED, StageRules.TOO_MANY_LABELS);
    }

    @Test
    void theTwentiethLabelOnAVersionIsAccepted() {
        List<String> nineteen = new ArrayList<>(List.of("AWSCURRENT"));
        IntStream.rangeClosed(2, 19).forEach(i -> nineteen.add("label" + i));
        HandledCommand handled = given(created(), added("v1"), stages("v1", nineteen.toArray(String[]::new)))
                .when(move("twentieth", null, "v1"))
                .run();

        assertThat(handled.stateAfter().version("v1")).get().extracting(v -> v.stages()).asList().hasSize(20);
    }
}
