package io.strongroom.projection.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.event.VersionStagesSet;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.secret.EncryptedValue;
import io.strongroom.core.secret.ValueType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KeyGateTest {
    private static final TopicPartition EVENTS_0 = new TopicPartition("events", 0);
    private static final TopicPartition KEYS_0 = new TopicPartition("keys", 0);
    private static final TopicPartition KEYS_1 = new TopicPartition("keys", 1);

    private final Map<TopicPartition, Long> highWatermarks = new HashMap<>(Map.of(KEYS_0, 10L, KEYS_1, 4L));
    private final Map<TopicPartition, Long> positions = new HashMap<>(Map.of(KEYS_0, 7L, KEYS_1, 4L));
    private int highWatermarkFetches;
    private RuntimeException highWatermarkFailure;
    private final KeyGate gate = new KeyGate(new KeyGate.KeysTopic() {
        @Override
        public Map<TopicPartition, Long> highWatermarks() {
            highWatermarkFetches++;
            if (highWatermarkFailure != null) {
                throw highWatermarkFailure;
            }
            return Map.copyOf(highWatermarks);
        }

        @Override
        public long position(TopicPartition partition) {
            return positions.get(partition);
        }
    });

    @Test
    void anOutcomeWhoseKeysArePresentPassesWithoutAskingTheBroker() {
        assertThat(gate.mustWait(EVENTS_0, 100, addsVersion("c1", "s1", "v1"), Set.of("s1/v1")::contains)).isFalse();
        assertThat(highWatermarkFetches).isZero();
    }

    @Test
    void rejectedAndUnchangedOutcomesNeverWait() {
        Outcome rejected = new Outcome("c1", "acct", Instant.EPOCH, null, Outcome.Status.REJECTED,
                AwsErrorCode.RESOURCE_EXISTS.reject("exists"), null, List.of());
        Outcome unchanged = new Outcome("c2", "acct", Instant.EPOCH, "s1", Outcome.Status.UNCHANGED, null, "v1",
                List.of());
        assertThat(gate.mustWait(EVENTS_0, 100, rejected, key -> false)).isFalse();
        assertThat(gate.mustWait(EVENTS_0, 100, unchanged, key -> false)).isFalse();
    }

    @Test
    void aMissingKeyHoldsThePartitionWhileRecordsBelowTheHighWatermarkAreUnread() {
        Outcome outcome = addsVersion("c1", "s1", "v1");
        assertThat(gate.mustWait(EVENTS_0, 100, outcome, key -> false)).isTrue();
        assertThat(gate.isHolding(EVENTS_0)).isTrue();

        positions.put(KEYS_0, 9L);
        assertThat(gate.mustWait(EVENTS_0, 100, outcome, key -> false)).isTrue();
    }

    @Test
    void theKeyArrivingReleasesTheHold() {
        Outcome outcome = addsVersion("c1", "s1", "v1");
        assertThat(gate.mustWait(EVENTS_0, 100, outcome, key -> false)).isTrue();
        assertThat(gate.mustWait(EVENTS_0, 100, outcome, "s1/v1"::equals)).isFalse();
        assertThat(gate.isHolding(EVENTS_0)).isFalse();
    }

    @Test
    void aKeyStillMissingOnceEveryKeysPartitionIsReadToTheHighWatermarkWasShreddedAndIsNotAwaited() {
        Outcome outcome = addsVersion("c1", "s1", "v1");
        assertThat(gate.mustWait(EVENTS_0, 100, outcome, key -> false)).isTrue();
        positions.put(KEYS_0, 10L);
        assertThat(gate.mustWait(EVENTS_0, 100, outcome, key -> false)).isFalse();
    }

    @Test
    void theHighWatermarksAreFetchedOnceAfterTheOutcomeIsSeenNotAgainOnEveryPoll() {
        Outcome outcome = addsVersion("c1", "s1", "v1");
        gate.mustWait(EVENTS_0, 100, outcome, key -> false);
        highWatermarks.put(KEYS_0, 50L);
        gate.mustWait(EVENTS_0, 100, outcome, key -> false);
        positions.put(KEYS_0, 10L);

        assertThat(gate.mustWait(EVENTS_0, 100, outcome, key -> false)).isFalse();
        assertThat(highWatermarkFetches).isEqualTo(1);
    }

    @Test
    void aNewOutcomeAtTheHeadOfThePartitionGetsHighWatermarksOfItsOwn() {
        gate.mustWait(EVENTS_0, 100, addsVersion("c1", "s1", "v1"), key -> false);
        positions.put(KEYS_0, 10L);
        highWatermarks.put(KEYS_0, 12L);

        assertThat(gate.mustWait(EVENTS_0, 100, addsVersion("c2", "s1", "v2"), key -> false)).isTrue();
        assertThat(highWatermarkFetches).isEqualTo(2);
    }

    @Test
    void aReplayedOutcomeNeedsNoLookupOnceTheKeysAreReadToWhereTheyEndedAtStartUp() {
        gate.startedAt(Map.of(EVENTS_0, 50L));
        assertThat(highWatermarkFetches).isEqualTo(1);
        int[] lookups = {0};
        Predicate<String> counting = key -> {
            lookups[0]++;
            return true;
        };

        // keys partition 0 is still short of its start-up high watermark (7 < 10): look the key up
        assertThat(gate.mustWait(EVENTS_0, 10, addsVersion("c1", "s1", "v1"), counting)).isFalse();
        assertThat(lookups[0]).isEqualTo(1);

        positions.put(KEYS_0, 10L);
        assertThat(gate.mustWait(EVENTS_0, 49, addsVersion("c2", "s1", "v2"), key -> false)).isFalse();
        assertThat(gate.isHolding(EVENTS_0)).isFalse();

        // written after start-up: checked as before, and held while its key is missing
        assertThat(gate.mustWait(EVENTS_0, 50, addsVersion("c3", "s1", "v3"), counting)).isFalse();
        assertThat(lookups[0]).isEqualTo(2);
        highWatermarks.put(KEYS_0, 11L);
        assertThat(gate.mustWait(EVENTS_0, 51, addsVersion("c4", "s1", "v4"), key -> false)).isTrue();
    }

    @Test
    void afterARewindTheKeysMustBeReadToTheStartUpHighWatermarksAgain() {
        gate.startedAt(Map.of(EVENTS_0, 50L));
        positions.put(KEYS_0, 10L);
        assertThat(gate.mustWait(EVENTS_0, 10, addsVersion("c1", "s1", "v1"), key -> false)).isFalse();

        gate.clear();
        positions.put(KEYS_0, 3L); // sought back: the failed batch's keys are unread again
        assertThat(gate.mustWait(EVENTS_0, 10, addsVersion("c1", "s1", "v1"), key -> false)).isTrue();
    }

    @Test
    void withoutTheStartUpHighWatermarksEveryReplayedKeyIsLookedUp() {
        highWatermarkFailure = new org.apache.kafka.common.errors.TopicAuthorizationException("keys");
        gate.startedAt(Map.of(EVENTS_0, 50L));
        highWatermarkFailure = null;
        positions.put(KEYS_0, 10L); // where the keys ended at start-up, but the gate could not learn that
        highWatermarks.put(KEYS_0, 12L);

        assertThat(gate.mustWait(EVENTS_0, 10, addsVersion("c1", "s1", "v1"), "s1/v1"::equals)).isFalse();
        assertThat(gate.mustWait(EVENTS_0, 11, addsVersion("c2", "s1", "v2"), key -> false)).isTrue();
    }

    private static Outcome addsVersion(String commandId, String secretId, String versionId) {
        EncryptedValue value = new EncryptedValue(ValueType.STRING, new byte[] {1});
        List<EventEnvelope> events = List.of(
                event(commandId, secretId, 2, new VersionAdded(versionId, value)),
                event(commandId, secretId, 3, new VersionStagesSet(Map.of(versionId, List.of("AWSCURRENT")))));
        return new Outcome(commandId, "acct", Instant.EPOCH, secretId, Outcome.Status.APPLIED, null, null, events);
    }

    private static EventEnvelope event(String commandId, String secretId, long seq,
            io.strongroom.core.event.SecretEvent payload) {
        return new EventEnvelope(1, commandId + ":" + seq, commandId, secretId, "acct", seq, "eu-west-1",
                "me", Instant.EPOCH, payload);
    }
}
