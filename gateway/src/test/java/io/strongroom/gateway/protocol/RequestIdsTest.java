package io.strongroom.gateway.protocol;

import io.strongroom.gateway.support.UuidIds;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void requestIdsAreDistinctVersion4Uuids() {
        UuidIds.assertDistinctOfVersion(RequestIds::next, 4, 10_000);
    }
}
