package io.strongroom.command.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.aggregate.KeyChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KeyLogRollerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final KeyLogRoller roller = new KeyLogRoller("keys", Duration.ofSeconds(10));

    @Test
    void aPartitionGetsOneMarkerSegmentMsAfterItsLastKeyWrite() {
        roller.written(List.of(key(1, "s/v1"), new ProducerRecord<>("events", 1, "stem", new byte[0])), T0);
        roller.written(List.of(key(1, "s/v2")), T0.plusSeconds(5));

        assertThat(roller.due(T0.plusSeconds(10))).isEmpty();
        List<ProducerRecord<String, byte[]>> markers = roller.due(T0.plusSeconds(16));
        assertThat(markers).singleElement().satisfies(marker -> {
            assertThat(marker.topic()).isEqualTo("keys");
            assertThat(marker.partition()).isEqualTo(1);
            assertThat(marker.value()).as("a tombstone").isNull();
            assertThat(KeyChange.isRollMarker(marker.key())).isTrue();
        });

        roller.written(markers, T0.plusSeconds(16));
        roller.rolled(markers);
        assertThat(roller.due(T0.plusSeconds(60))).as("a marker is not a key write").isEmpty();
    }

    @Test
    void gainedPartitionsGetAMarkerAndRevokedOnesNone() {
        roller.assigned(List.of(0, 1), T0);
        roller.revoked(List.of(0));

        assertThat(roller.due(T0.plusSeconds(11))).extracting(ProducerRecord::partition).containsExactly(1);
    }

    private static ProducerRecord<String, byte[]> key(int partition, String recordKey) {
        return new ProducerRecord<>("keys", partition, recordKey, null);
    }
}
