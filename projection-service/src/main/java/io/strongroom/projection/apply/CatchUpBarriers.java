package io.strongroom.projection.apply;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;

/**
 * "Tell me when you have applied everything committed so far." A gateway asks this of a projection
 * instance that has just started serving before it sends it reads: with the instance already in the
 * set that writes wait for, every write acknowledged before the barrier's end offsets were read is
 * below them, so after the barrier no acknowledged write is missing from this instance.
 *
 * <p>{@link #request()} is called from any thread; {@link #admit} and {@link #release} only from the
 * apply thread, which fetches the end offsets (the last stable offsets under read_committed) once
 * for all requests that arrived since the previous poll.
 */
public final class CatchUpBarriers {
    private record Barrier(Map<TopicPartition, Long> ends, List<CompletableFuture<Void>> waiters) {}

    private final Queue<CompletableFuture<Void>> requested = new ConcurrentLinkedQueue<>();
    private final List<Barrier> open = new ArrayList<>();

    public CompletableFuture<Void> request() {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        requested.add(reached);
        return reached;
    }

    /** Apply thread: turns the requests that arrived into one barrier at the current end offsets. */
    void admit(Supplier<Map<TopicPartition, Long>> endOffsets) {
        if (requested.isEmpty()) {
            return;
        }
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        for (CompletableFuture<Void> next; (next = requested.poll()) != null; ) {
            waiters.add(next);
        }
        open.add(new Barrier(Map.copyOf(endOffsets.get()), waiters));
    }

    /** Apply thread, after a commit: completes every barrier the applied offsets have reached. */
    void release(Function<TopicPartition, Long> applied) {
        for (Iterator<Barrier> it = open.iterator(); it.hasNext(); ) {
            Barrier barrier = it.next();
            if (barrier.ends().entrySet().stream().allMatch(e -> applied.apply(e.getKey()) >= e.getValue())) {
                barrier.waiters().forEach(w -> w.complete(null));
                it.remove();
            }
        }
    }

    /** The instance stops or fails: nobody waits on it any longer. */
    public void failAll(RuntimeException why) {
        open.forEach(b -> b.waiters().forEach(w -> w.completeExceptionally(why)));
        open.clear();
        for (CompletableFuture<Void> next; (next = requested.poll()) != null; ) {
            next.completeExceptionally(why);
        }
    }
}
