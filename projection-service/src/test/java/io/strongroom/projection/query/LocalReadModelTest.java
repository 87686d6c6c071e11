package io.strongroom.projection.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.query.ListQuery;
import io.strongroom.core.query.SecretFilter;
import io.strongroom.core.query.SecretPage;
import io.strongroom.core.query.SortOrder;
import io.strongroom.core.replication.ReplicaStatus;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.strongroom.projection.NotServingException;
import io.strongroom.projection.Phase;
import io.strongroom.store.SecretStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalReadModelTest {
    @TempDir
    Path dir;
    private SecretStore store;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.CATCHING_UP);
    private LocalReadModel model;

    @BeforeEach
    void open() {
        store = SecretStore.open(dir);
        model = new LocalReadModel("eu-west-1", store, new OutcomeWaiters(Clock.systemUTC()),
                new io.strongroom.projection.apply.CatchUpBarriers(), phase::get, "p0");
    }

    @AfterEach
    void closeStore() {
        model.close();
        store.close();
    }

    @Test
    void everyCallFailsWithNotServingWhileTheInstanceCatchesUp() {
        assertNotServing(model.secret("acct", "name"), "CATCHING_UP");
        assertNotServing(model.dataKey("s1", "v1"), "CATCHING_UP");
        assertNotServing(model.listSecrets(new ListQuery("acct", 10, null)), "CATCHING_UP");
        assertNotServing(model.awaitOutcome("c1", Duration.ofSeconds(1)), "CATCHING_UP");
    }

    @Test
    void aServingInstanceAnswersFromItsStore() {
        phase.set(Phase.SERVING);
        assertThat(model.secret("acct", "name").join()).isEmpty();
        assertThat(model.listSecrets(new ListQuery("acct", 0, null)).join().secrets()).isEmpty();
    }

    @Test
    void aRareMatchBeyondTheScanBudgetComesOnALaterPageAfterAnEmptyOneWithAToken() {
        phase.set(Phase.SERVING);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (SecretStore.Batch batch = store.batch()) {
            for (int i = 0; i < LocalReadModel.SCAN_BUDGET + 50; i++) {
                String name = i == LocalReadModel.SCAN_BUDGET + 10 ? "needle" : "hay-" + i;
                batch.put(new SecretState("id-" + i, "acct", "eu-west-1", name, null, null, List.of(),
                        start.plusSeconds(i), start.plusSeconds(i), null, null, Map.of(), 1, Lifecycle.ACTIVE));
            }
            batch.commit();
        }
        List<SecretFilter> needle = List.of(new SecretFilter("name", List.of("needle")));

        SecretPage first = model.listSecrets(new ListQuery("acct", 10, null, needle, false, SortOrder.ASC)).join();
        assertThat(first.secrets()).isEmpty();
        assertThat(first.nextToken()).isNotNull();
        SecretPage second = model.listSecrets(new ListQuery("acct", 10, first.nextToken(), needle, false,
                SortOrder.ASC)).join();
        assertThat(second.secrets()).extracting(SecretState::name).containsExactly("needle");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void theReplicationFactsOfAStateAreKeptAndFilterable() {
        phase.set(Phase.SERVING);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        SecretState primary = new SecretState("id-p", "acct", "eu-west-1", "primary", null, null, List.of(), t, t,
                null, null, Map.of(), 4, Lifecycle.ACTIVE, null, null,
                List.of(new ReplicaStatus("us-east-1", "alias/r", ReplicationState.FAILED, "unreachable", 3)));
        SecretState replica = new SecretState("id-r", "acct", "eu-west-1", "replica", null, "alias/mine", List.of(), t,
                t, null, null, Map.of(), 7, Lifecycle.ACTIVE, null, "ap-south-1", List.of());
        try (SecretStore.Batch batch = store.batch()) {
            batch.put(primary).put(replica).commit();
        }

        assertThat(model.secret("acct", "primary").join()).contains(primary);
        assertThat(model.secret("acct", "replica").join()).contains(replica);
        List<SecretFilter> fromAp = List.of(new SecretFilter("primary-region", List.of("ap-south-1")));
        assertThat(model.listSecrets(new ListQuery("acct", 10, null, fromAp, false, SortOrder.ASC)).join().secrets())
                .containsExactly(replica);
    }

    @Test
    void afterCloseReadsAreRefusedAndNeverReachTheStore() {
        phase.set(Phase.SERVING);
        model.close();
        assertNotServing(model.secret("acct", "name"), "closed");
    }

    private static void assertNotServing(CompletableFuture<?> call, String why) {
        assertThat(call).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(NotServingException.class)
                .withMessageContaining(why);
    }
}
