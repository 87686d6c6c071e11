package io.strongroom.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.gateway.support.UuidIds;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IncarnationIdsTest {

    @Test
    void idsAreDistinctVersion7Uuids() {
        UuidIds.assertDistinctOfVersion(IncarnationIds::next, 7, 10_000);
    }

    /** The stores compare ids as bytes: an id made in a later millisecond must sort after. */
    @Test
    void anIdMadeInALaterMillisecondSortsAfter() {
        String first = IncarnationIds.next();
        String later = IncarnationIds.next();
        while (millis(later) == millis(first)) {
            later = IncarnationIds.next();
        }
        assertThat(millis(later)).isGreaterThan(millis(first));
        assertThat(later.compareTo(first)).isPositive();
        assertThat(millis(first)).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
    }

    private static long millis(String id) {
        return UUID.fromString(id).getMostSignificantBits() >>> 16;
    }
}
