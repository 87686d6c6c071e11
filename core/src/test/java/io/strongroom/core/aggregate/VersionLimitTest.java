package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.Fixtures.T0;
import static io.strongroom.core.aggregate.Fixtures.created;
import static io.strongroom.core.aggregate.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.aggregate.AggregateScenario.Timed;
import io.strongroom.core.command.NewValue;
import io.strongroom.core.command.PutSecretValue;
import io.strongroom.core.command.UpdateSecret;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.event.VersionStagesSet;
import io.strongroom.core.event.VersionsRemoved;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * At most 100 versions: a new one beyond that removes the oldest versions without a staging label
 * that are at least a day old; time is driven by the test through {@code at}.
 */
class VersionLimitTest {

    /** v1..v{count}, v{i} made i minutes after T0; the last is AWSCURRENT, the one before AWSPREVIOUS. */
    static List<Timed> versions(int count, Map<String, List<String>> extraLabels) {
        List<Timed> events = new ArrayList<>();
        events.add(new Timed(T0, created()));
        for (int i = 1; i <= count; i++) {
            Instant at = madeAt(i);
            events.add(new Timed(at, new VersionAdded("v" + i, value("v" + i).value())));
        }
        Map<String, List<String>> labels = new java.util.HashMap<>(extraLabels);
        labels.put("v" + count, List.of("AWSCURRENT"));
        labels.put("v" + (count - 1), List.of("AWSPREVIOUS"));
        events.add(new Timed(madeAt(count), new VersionStagesSet(labels)));
        return events;
    }

    static Instant madeAt(int i) {
        return T0.plus(Duration.ofMinutes(i));
    }


    @Test
    void theHundredAndFirstVersionRemovesTheOldestDeprecatedVersionAndShredsItsKey() {
        NewValue v101 = value("v101");
        HandledCommand handled = AggregateScenario.given(versions(100, Map.of()))
                .when(new PutSecretValue("v101", v101, null))
                .at(T0.plus(Duration.ofDays(2)))
                .expectEvents(
                        new VersionAdded("v101", v101.value()),
                        new VersionStagesSet(Map.of(
                                "v101", List.of("AWSCURRENT"),
                                "v100", List.of("AWSPREVIOUS"),
                                "v99", List.of())),
                        new VersionsRemoved(List.of("v1")));

        assertThat(handled.keyChanges()).containsExactly(
                KeyChange.put(Fixtures.SECRET_ID, "v101", v101.wrappedKey()),
                KeyChange.shred(Fixtures.SECRET_ID, "v1"));
        assertThat(handled.stateAfter().versions()).hasSize(100).doesNotContainKey("v1").containsKey("v101");
    }

    @Test
    void aVersionWithAStagingLabelIsNeverRemoved() {
        HandledCommand handled = AggregateScenario.given(versions(100, Map.of("v1", List.of("keep"))))
                .when(new PutSecretValue("v101", value("v101"), null))
                .at(T0.plus(Duration.ofDays(2)))
                .run();

        assertThat(handled.outcome().events()).last().extracting(e -> e.payload())
                .isEqualTo(new VersionsRemoved(List.of("v2")));
        assertThat(handled.stateAfter().versions()).containsKey("v1").doesNotContainKey("v2");
    }

    @Test
    void aVersionDeprecatedByTheNewOneCanBeRemovedWhenNothingOlderQualifies() {
        Map<String, List<String>> labelled = new java.util.HashMap<>();
        for (int i = 1; i <= 98; i++) {
            labelled.put("v" + i, List.of("l" + i));
        }
        HandledCommand handled = AggregateScenario.given(versions(100, labelled))
                .when(new PutSecretValue("v101", value("v101"), null))
                .at(T0.plus(Duration.ofDays(2)))
                .run();

        assertThat(handled.outcome().events()).last().extracting(e -> e.payload())
                .isEqualTo(new VersionsRemoved(List.of("v99")));
    }

    @Test
    void versionsYoungerThanADayAreNotRemovedSoTheNewVersionIsRefused() {
        AggregateScenario.given(versions(100, Map.of()))
                .when(new PutSecretValue("v101", value("v101"), null))
                .at(madeAt(1).plus(Duration.ofHours(24)).minusMillis(1))
                .expectRejection(AwsErrorCode.LIMIT_EXCEEDED, VersionLimit.TOO_MANY_VERSIONS);
    }

    @Test
    void aVersionExactlyADayOldCanBeRemoved() {
        HandledCommand handled = AggregateScenario.given(versions(100, Map.of()))
                .when(new PutSecretValue("v101", value("v101"), null))
                .at(madeAt(1).plus(Duration.ofHours(24)))
                .run();

        assertThat(handled.outcome().events()).last().extracting(e -> e.payload())
                .isEqualTo(new VersionsRemoved(List.of("v1")));
    }

    @Test
    void whenEveryVersionIsLabelledTheNewVersionIsRefused() {
        Map<String, List<String>> labelled = new java.util.HashMap<>();
        for (int i = 1; i <= 98; i++) {
            labelled.put("v" + i, List.of("l" + i));
        }
        AggregateScenario.given(versions(100, labelled))
                .when(new PutSecretValue("v101", value("v101"), List.of("AWSPENDING")))
                .at(T0.plus(Duration.ofDays(2)))
                .expectRejection(AwsErrorCode.LIMIT_EXCEEDED, VersionLimit.TOO_MANY_VERSIONS);
    }

    @Test
    void updateSecretWithAValueFollowsTheSameRule() {
        HandledCommand handled = AggregateScenario.given(versions(100, Map.of()))
                .when(new UpdateSecret(null, null, "v101", value("v101")))
                .at(T0.plus(Duration.ofDays(2)))
                .run();

        assertThat(handled.stateAfter().versions()).hasSize(100).doesNotContainKey("v1");
    }

    @Test
    void belowTheLimitNothingIsRemoved() {
        HandledCommand handled = AggregateScenario.given(versions(99, Map.of()))
                .when(new PutSecretValue("v100", value("v100"), null))
                .at(T0.plus(Duration.ofDays(2)))
                .run();

        assertThat(handled.outcome().events()).extracting(e -> e.payload())
                .noneMatch(p -> p instanceof VersionsRemoved);
        assertThat(handled.stateAfter().versions()).hasSize(100);
    }
}
