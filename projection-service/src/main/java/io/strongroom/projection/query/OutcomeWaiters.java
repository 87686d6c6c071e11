package io.strongroom.projection.query;

import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.VersionAdded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Who waits for which command, and the outcomes applied recently.
 *
 * <p>No lost wake-up: a waiter registers first and then looks in the recent outcomes; the apply
 * thread records an outcome as recent first and then completes the registered waiters. Whichever
 * order the two threads interleave in, one of them sees the other.
 *
 * <p>Outcomes are kept and handed out without the ciphertext of the versions they add
 * ({@code VersionAdded.value} is null): the waiter needs the status and the version ids, the value is
 * in the read model, and 100k cached values of up to 64 KiB each would cost gigabytes.
 */
public final class OutcomeWaiters {
    /**
     * What a write waits (a gateway waits 10 s by default). Every await of a write registers before its
     * command is sent; recent outcomes serve the others: a remote long-poll that arrives after the outcome,
     * its immediate re-poll after a lost answer, a projection that joined the write set meanwhile. All of
     * them come within the write's own wait. Kept short because recent outcomes (~1.5 KB each) were most of
     * the live heap: with one minute kept, 98k of them at ~1,600 writes/s.
     */
    public static final Duration DEFAULT_RETENTION = Duration.ofSeconds(10);
    /** 10 s at 2,000 writes/s. */
    public static final int DEFAULT_CAPACITY = 20_000;
    /**
     * How long an outcome that answered a waiter when it was applied stays recent. Its write was awaited
     * from before it was sent, so a second await of it is unlikely; one that comes later waits out its
     * timeout, and the write's InternalServiceError is retried by the SDKs with the same
     * ClientRequestToken, which is idempotent. Kept 2 s, these outcomes were most of what each young
     * collection copied under puts (11 of 11.5 MB at 2,000 puts/s, mean pause 32 ms); kept 250 ms, 3 MB
     * and 14 ms.
     */
    static final Duration ANSWERED_RETENTION = Duration.ofMillis(250);
    /**
     * How far the command-service's clock (an outcome's timestamp) may lag behind this one's. An outcome
     * older than the retention and this is a replay: every await of its command has ended.
     */
    static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofMinutes(1);

    private record Applied(String commandId, Instant at) {}

    private final Map<String, List<CompletableFuture<Outcome>>> waiters = new ConcurrentHashMap<>();
    private final Map<String, Outcome> recent = new ConcurrentHashMap<>();
    /** Outcomes kept for the whole retention: nobody awaited them when they were applied. */
    private final ArrayDeque<Applied> unanswered = new ArrayDeque<>();
    /** Outcomes that answered a waiter when applied, kept for {@link #ANSWERED_RETENTION}. */
    private final ArrayDeque<Applied> answered = new ArrayDeque<>();
    private final Clock clock;
    private final int capacity;
    private final Duration retention;
    private final Duration answeredRetention;
    private volatile RuntimeException closed;

    public OutcomeWaiters(Clock clock, int capacity, Duration retention) {
        this.clock = clock;
        this.capacity = capacity;
        this.retention = retention;
        this.answeredRetention = retention.compareTo(ANSWERED_RETENTION) < 0 ? retention : ANSWERED_RETENTION;
    }

    public OutcomeWaiters(Clock clock) {
        this(clock, DEFAULT_CAPACITY, DEFAULT_RETENTION);
    }

    /** Completes with the outcome once applied; exceptionally with TimeoutException after {@code timeout}. */
    public CompletableFuture<Outcome> await(String commandId, Duration timeout) {
        CompletableFuture<Outcome> waiter = new CompletableFuture<>();
        waiters.compute(commandId, (id, list) -> {
            List<CompletableFuture<Outcome>> next = list == null ? new ArrayList<>(1) : list;
            next.add(waiter);
            return next;
        });
        waiter.whenComplete((outcome, failure) -> waiters.computeIfPresent(commandId, (id, list) -> {
            list.remove(waiter);
            return list.isEmpty() ? null : list;
        }));
        Outcome known = recent.get(commandId);
        if (known != null) {
            waiter.complete(known);
        } else if (closed != null) {
            waiter.completeExceptionally(closed);
        } else {
            waiter.orTimeout(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        }
        return waiter;
    }

    /**
     * Called by the apply thread only, after the batch holding these outcomes was committed. A replayed
     * outcome (decided longer ago than anyone waits) is not kept as recent: on a rebuild, keeping each
     * only to evict it again was a sixth of the apply thread's time (profiled).
     */
    public void applied(Collection<Outcome> outcomes) {
        Instant now = clock.instant();
        Instant replayedBefore = now.minus(retention).minus(CLOCK_SKEW_ALLOWANCE);
        for (Outcome outcome : outcomes) {
            boolean replayed = outcome.timestamp() != null && outcome.timestamp().isBefore(replayedBefore);
            if (replayed && !waiters.containsKey(outcome.commandId())) {
                continue;
            }
            Outcome slim = withoutValues(outcome);
            recent.put(outcome.commandId(), slim);
            List<CompletableFuture<Outcome>> waiting = waiters.remove(outcome.commandId());
            (waiting != null ? answered : unanswered).addLast(new Applied(outcome.commandId(), now));
            if (waiting != null) {
                waiting.forEach(w -> w.complete(slim));
            }
        }
        evict(answered, now.minus(answeredRetention));
        evict(unanswered, now.minus(retention));
    }

    /** Fails every current and future waiter that is not already answered by a recent outcome. */
    public void close(RuntimeException why) {
        closed = why;
        for (String commandId : List.copyOf(waiters.keySet())) {
            List<CompletableFuture<Outcome>> waiting = waiters.remove(commandId);
            if (waiting != null) {
                waiting.forEach(w -> w.completeExceptionally(why));
            }
        }
    }

    int recentCount() {
        return recent.size();
    }

    /** Drops the outcomes applied before {@code oldest}, and the oldest ones beyond the capacity. */
    private void evict(ArrayDeque<Applied> order, Instant oldest) {
        while (!order.isEmpty() && (answered.size() + unanswered.size() > capacity
                || order.peekFirst().at().isBefore(oldest))) {
            recent.remove(order.removeFirst().commandId());
        }
    }


    private static Outcome withoutValues(Outcome outcome) {
        if (outcome.events().stream().noneMatch(e -> e.payload() instanceof VersionAdded)) {
            return outcome;
        }
        List<EventEnvelope> events = outcome.events().stream().map(OutcomeWaiters::withoutValue).toList();
        return new Outcome(outcome.commandId(), outcome.account(), outcome.timestamp(), outcome.secretId(),
                outcome.status(), outcome.rejection(), outcome.existingVersionId(), events);
    }

    private static EventEnvelope withoutValue(EventEnvelope e) {
        if (!(e.payload() instanceof VersionAdded added)) {
            return e;
        }
        return new EventEnvelope(e.v(), e.eventId(), e.commandId(), e.secretId(), e.account(), e.seq(), e.region(),
                e.principal(), e.timestamp(), new VersionAdded(added.versionId(), null));
    }
}
