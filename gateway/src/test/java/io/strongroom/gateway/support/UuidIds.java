package io.strongroom.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Checks on generated ids that are UUIDs in their canonical text. */
public final class UuidIds {
    private UuidIds() {}

    /** Draws {@code count} ids: each a UUID of that version and the IETF variant, in canonical text, none repeated. */
    public static void assertDistinctOfVersion(Supplier<String> ids, int version, int count) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String id = ids.get();
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.version()).isEqualTo(version);
            assertThat(parsed.variant()).isEqualTo(2);
            assertThat(parsed.toString()).isEqualTo(id);
            seen.add(id);
        }
        assertThat(seen).hasSize(count);
    }
}
