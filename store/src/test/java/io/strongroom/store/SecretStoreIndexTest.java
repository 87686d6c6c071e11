package io.strongroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The name and CreatedDate indexes are written when an incarnation is first stored, not on every change. */
class SecretStoreIndexTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ACCOUNT = "111122223333";

    @TempDir
    Path dir;

    @Test
    void aChangeOverTheStoredStateKeepsTheSecretFoundByNameAndByCreatedDate() {
        try (SecretStore store = SecretStore.open(dir)) {
            try (SecretStore.Batch batch = store.batch()) {
                batch.put(state("s1", "db", 1, Lifecycle.ACTIVE)).commit();
            }
            SecretState stored = store.byId("s1").orElseThrow();
            try (SecretStore.Batch batch = store.batch()) {
                batch.put(state("s1", "db", 2, Lifecycle.ACTIVE), stored).commit();
            }

            assertThat(store.byName(ACCOUNT, "db")).get().extracting(SecretState::seq).isEqualTo(2L);
            assertThat(store.listByName(ACCOUNT, null, 10)).extracting(SecretState::secretId).containsExactly("s1");
            assertThat(store.scanByCreated(ACCOUNT, null, false, s -> true, 10, 10).kept())
                    .extracting(SecretState::seq).containsExactly(2L);
        }
    }

    @Test
    void theIndexEntriesAreSkippedOnlyWhenTheStoredStateSaysTheyAreThere() {
        try (SecretStore store = SecretStore.open(dir)) {
            // the caller vouches for a stored state the store does not hold: nothing is indexed
            SecretState claimed = state("s1", "db", 1, Lifecycle.ACTIVE);
            try (SecretStore.Batch batch = store.batch()) {
                batch.put(state("s1", "db", 2, Lifecycle.ACTIVE), claimed).commit();
            }
            assertThat(store.byId("s1")).isPresent();
            assertThat(store.byName(ACCOUNT, "db")).isEmpty();

            // a stored state under another name, or a purged one, does not vouch for these entries
            try (SecretStore.Batch batch = store.batch()) {
                batch.put(state("s1", "db", 3, Lifecycle.ACTIVE), state("s1", "other", 2, Lifecycle.ACTIVE))
                        .put(state("s2", "cache", 1, Lifecycle.ACTIVE), state("s2", "cache", 1, Lifecycle.PURGED))
                        .commit();
            }
            assertThat(store.byName(ACCOUNT, "db")).get().extracting(SecretState::secretId).isEqualTo("s1");
            assertThat(store.byName(ACCOUNT, "cache")).get().extracting(SecretState::secretId).isEqualTo("s2");
        }
    }

    private static SecretState state(String id, String name, long seq, Lifecycle lifecycle) {
        return new SecretState(id, ACCOUNT, "eu-west-1", name, null, null, List.of(), T, T, null, null,
                Map.of(), seq, lifecycle);
    }
}
