package io.strongroom.projection.query;

import io.strongroom.projection.apply.CatchUpBarriers;
import io.strongroom.core.aggregate.KeyChange;
import io.strongroom.core.crypto.SealedValue;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.query.ListQuery;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.query.SecretPage;
import io.strongroom.core.secret.SecretLocator;
import io.strongroom.core.secret.SecretState;
import io.strongroom.projection.NotServingException;
import io.strongroom.projection.Phase;
import io.strongroom.store.SecretStore;
import io.strongroom.core.query.SortOrder;
import io.strongroom.store.CreatedScan;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The read model of this instance, answered from its own RocksDB on the caller's thread (point reads
 * and one short iteration; RocksDB is safe for concurrent readers while the apply thread writes).
 * Every call fails with {@link NotServingException} unless the instance is serving, so a caller never
 * sees a read model that is still catching up.
 *
 * <p>{@link #close()} waits for reads in flight and turns later ones away, so no read reaches the
 * store after it is closed (a read of a closed RocksDB would crash the JVM, not throw).
 */
public final class LocalReadModel implements ReadModel, AutoCloseable {
    public static final int DEFAULT_PAGE_SIZE = 100;
    /**
     * At most this many secrets are examined for one page. A filter that matches few secrets then
     * answers a short (even empty) page whose NextToken leads on, as AWS documents, instead of
     * scanning a whole large account in one request.
     */
    public static final int SCAN_BUDGET = 1_000;

    private final String region;
    private final SecretStore store;
    private final OutcomeWaiters outcomes;
    private final CatchUpBarriers barriers;
    private final Supplier<Phase> phase;
    private final String instanceId;
    private final java.util.function.BiConsumer<String, java.time.LocalDate> accesses;
    private final ReadWriteLock open = new ReentrantReadWriteLock();
    private boolean closed;

    public LocalReadModel(String region, SecretStore store, OutcomeWaiters outcomes, CatchUpBarriers barriers,
            Supplier<Phase> phase, String instanceId) {
        this(region, store, outcomes, barriers, phase, instanceId, (secretId, day) -> { });
    }

    /** @param accesses told about every value read a gateway reports (the access publisher) */
    public LocalReadModel(String region, SecretStore store, OutcomeWaiters outcomes, CatchUpBarriers barriers,
            Supplier<Phase> phase, String instanceId, java.util.function.BiConsumer<String, java.time.LocalDate> accesses) {
        this.accesses = accesses;
        this.region = region;
        this.barriers = barriers;
        this.store = store;
        this.outcomes = outcomes;
        this.phase = phase;
        this.instanceId = instanceId;
    }

    @Override
    public CompletableFuture<Optional<SecretState>> secret(String callerAccount, String secretId) {
        return read(() -> SecretLocator.locate(callerAccount, region, secretId, store::byName));
    }

    @Override
    public CompletableFuture<Optional<WrappedKey>> dataKey(String secretId, String versionId) {
        return read(() -> store.dataKey(KeyChange.recordKey(secretId, versionId)));
    }

    @Override
    public CompletableFuture<Optional<SealedValue>> sealedValue(String secretId, String versionId) {
        return read(() -> store.sealedValue(KeyChange.recordKey(secretId, versionId)));
    }

    /**
     * One page in CreatedDate order with the query's filters applied while scanning, so a page never
     * skips a match: the token names the last secret returned, or (when the scan budget ran out
     * first) the last one examined.
     */
    @Override
    public CompletableFuture<SecretPage> listSecrets(ListQuery query) {
        return read(() -> {
            int size = query.maxResults() > 0 ? query.maxResults() : DEFAULT_PAGE_SIZE;
            String after = NextToken.position(query.nextToken());
            CreatedScan scan = store.scanByCreated(query.account(), after, query.sortOrder() == SortOrder.DESC,
                    query::admits, size + 1, Math.max(SCAN_BUDGET, size + 1));
            List<SecretState> found = scan.kept();
            String next = null;
            if (found.size() > size) {
                found = found.subList(0, size);
                next = NextToken.after(scan.positions().get(size - 1));
            } else if (!scan.exhausted() && scan.lastExamined() != null) {
                next = NextToken.after(scan.lastExamined());
            }
            Map<String, LocalDate> accessed = new HashMap<>();
            for (SecretState state : found) {
                store.lastAccessed(state.secretId()).ifPresent(day -> accessed.put(state.secretId(), day));
            }
            return new SecretPage(found, next, accessed);
        });
    }

    @Override
    public CompletableFuture<Optional<LocalDate>> lastAccessed(String secretId) {
        return read(() -> store.lastAccessed(secretId));
    }

    @Override
    public CompletableFuture<Void> recordAccess(String secretId, LocalDate day) {
        return read(() -> {
            accesses.accept(secretId, day);
            return null;
        });
    }

    @Override
    public CompletableFuture<Outcome> awaitOutcome(String commandId, Duration timeout) {
        NotServingException refused = refusal();
        return refused != null ? CompletableFuture.failedFuture(refused) : outcomes.await(commandId, timeout);
    }

    @Override
    public CompletableFuture<Void> catchUp(Duration timeout) {
        NotServingException refused = refusal();
        return refused != null ? CompletableFuture.failedFuture(refused)
                : barriers.request().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        open.writeLock().lock();
        try {
            closed = true;
        } finally {
            open.writeLock().unlock();
        }
    }

    private <T> CompletableFuture<T> read(Supplier<T> query) {
        open.readLock().lock();
        try {
            NotServingException refused = closed ? notServing("closed") : refusal();
            if (refused != null) {
                return CompletableFuture.failedFuture(refused);
            }
            return CompletableFuture.completedFuture(query.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } finally {
            open.readLock().unlock();
        }
    }

    private NotServingException refusal() {
        Phase now = phase.get();
        return now == Phase.SERVING ? null : notServing(now.name());
    }

    private NotServingException notServing(String why) {
        return new NotServingException("projection instance " + instanceId + " is not serving (" + why + ")");
    }
}
