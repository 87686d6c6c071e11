package io.strongroom.projection.apply;

import io.strongroom.kafka.Topics;
import io.strongroom.projection.query.OutcomeWaiters;
import io.strongroom.store.SecretStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The apply thread: reads every partition of the events and keys topics (assigned, no consumer group,
 * read_committed) from the offsets recorded in the store and hands each poll, decoded (ahead, on a
 * thread of its own, when polls are large: {@link DecodeAhead}), to a {@link PollApplier}.
 * Failures of any step go to the {@link FailurePolicy}: on a retriable one the loop forgets everything
 * not committed, seeks back to the stored offsets and carries on after a backoff; on any other it
 * reports the failure and ends.
 *
 * <p>Threading: the consumer never leaves the thread that calls {@link #run()}; {@link #stop()},
 * {@link #lag()}, {@link #waitingForKeys()} and {@link #appliedOutcomes()} may be called from any thread.
 */
public final class ProjectionLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final long MAX_BACKOFF_MS = 5_000;
    private static final long HIGH_WATERMARK_TIMEOUT_MS = 30_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Told about the two moments the instance's phase changes; called on the apply thread. */
    public interface Listener {
        void caughtUp(long outcomesApplied, Duration took);

        void failed(Throwable failure);
    }

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Supplier<HighWatermarks> highWatermarks;
    private final SecretStore store;
    private final OutcomeWaiters waiters;
    private final CatchUpBarriers barriers;
    private final Listener listener;
    private final String instanceId;
    private final FailurePolicy failures;
    private final List<TopicPartition> eventPartitions;
    private final List<TopicPartition> keyPartitions;
    private final List<TopicPartition> all;
    private final Progress progress = new Progress();
    private final AtomicLong appliedOutcomes = new AtomicLong();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Consumer<String, byte[]> consumer;
    private volatile Set<TopicPartition> waitingForKeys = Set.of();
    private boolean positioned;
    private boolean caughtUp;
    private long startedNanos;
    private long startedCpuNanos;
    private Map<TopicPartition, Long> applyingPositions = Map.of();

    /**
     * @param consumers makes the (read_committed, group-less) consumer, on the apply thread
     * @param admins makes the Admin client the key gate asks for high watermarks, on the apply thread
     */
    public ProjectionLoop(Supplier<Consumer<String, byte[]>> consumers, Supplier<Admin> admins, Topics topics,
            SecretStore store, OutcomeWaiters waiters, CatchUpBarriers barriers, Listener listener, String instanceId) {
        this.consumers = consumers;
        this.barriers = barriers;
        this.highWatermarks = () -> HighWatermarks.from(admins.get(), HIGH_WATERMARK_TIMEOUT_MS);
        this.store = store;
        this.waiters = waiters;
        this.listener = listener;
        this.instanceId = instanceId;
        this.failures = new FailurePolicy(instanceId);
        this.eventPartitions = partitions(topics.events(), topics.partitions());
        this.keyPartitions = partitions(topics.keys(), topics.partitions());
        this.all = Stream.concat(keyPartitions.stream(), eventPartitions.stream()).toList();
    }

    @Override
    public void run() {
        try (Consumer<String, byte[]> c = consumers.get(); HighWatermarks ends = highWatermarks.get();
                DecodeAhead ahead = new DecodeAhead(keyPartitions, eventPartitions, instanceId)) {
            consumer = c;
            if (!running) {
                return; // stop() came before the consumer existed, so it could not wake it
            }
            c.assign(all);
            KeyGate gate = new KeyGate(new KeyGate.KeysTopic() {
                @Override
                public Map<TopicPartition, Long> highWatermarks() {
                    return ends.of(keyPartitions);
                }

                // As of the poll being applied: a key read ahead but not yet applied has not arrived.
                @Override
                public long position(TopicPartition partition) {
                    Long applying = applyingPositions.get(partition);
                    return applying != null ? applying : c.position(partition);
                }
            });
            loop(c, ahead, new PollApplier(c, store, waiters, gate, progress, keyPartitions, eventPartitions,
                    appliedOutcomes, instanceId));
        } catch (RuntimeException | Error e) {
            if (running) {
                failures.onFailure(e);
                listener.failed(e);
            }
        }
    }

    /** Asks the loop to end; returns at once (join the thread to wait). */
    public void stop() {
        running = false;
        stopSignal.countDown();
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /** Records behind the known end offset, per partition of both topics. */
    public Map<TopicPartition, Long> lag() {
        return progress.lag();
    }

    /** The events partitions held back right now because an outcome waits for its data key. */
    public Set<TopicPartition> waitingForKeys() {
        return waitingForKeys;
    }

    /** Outcomes applied since this loop started (all statuses). */
    public long appliedOutcomes() {
        return appliedOutcomes.get();
    }

    public FailurePolicy failures() {
        return failures;
    }

    private void loop(Consumer<String, byte[]> c, DecodeAhead ahead, PollApplier applier) {
        long backoffMs = 0;
        while (running) {
            try {
                if (!positioned) {
                    applier.startedAt(position(c));
                }
                barriers.admit(() -> c.endOffsets(eventPartitions));
                ConsumerRecords<String, byte[]> records = c.poll(ahead.pending() ? Duration.ZERO : POLL_TIMEOUT);
                DecodedPoll next = ahead.next(records, positions(c));
                if (next != null) {
                    applyingPositions = next.positions();
                    applier.apply(next);
                }
                waitingForKeys = applier.held();
                progress.observe(all, c::position, c::currentLag);
                barriers.release(progress::applied);
                if (!caughtUp && progress.caughtUpToStart()) {
                    caughtUp = true;
                    Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
                    logCatchUp(appliedOutcomes.get(), applier.appliedEvents(), applier.appliedKeyRecords(), took);
                    listener.caughtUp(appliedOutcomes.get(), took);
                }
                backoffMs = 0;
            } catch (WakeupException e) {
                // stop() woke a blocking call; the loop condition ends the loop
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (failures.onFailure(e) == FailurePolicy.Verdict.STOP) {
                    listener.failed(e);
                    return;
                }
                ahead.discard();
                rewind(c, applier);
                backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(100, backoffMs * 2));
                pause(backoffMs);
            }
        }
    }

    /**
     * The one line that measures a rebuild: records applied from the start position to the end seen then,
     * the events they hold (an outcome record carries all the events of one command: a CreateSecret's
     * three, a PutSecretValue's two or three), and the apply thread's own CPU time (on a shared machine
     * the wall time mostly measures the neighbours). Decimals use the root locale: {@code bench scale}
     * reads this line.
     */
    private void logCatchUp(long outcomes, long events, long keyRecords, Duration took) {
        double seconds = Math.max(took.toNanos(), 1) / 1e9;
        double cpuSeconds = Math.max(THREADS.getCurrentThreadCpuTime() - startedCpuNanos, 1) / 1e9;
        LOG.info("projection {} caught up: {} records ({} outcomes holding {} events, {} key records) applied in {} s,"
                + " {} records/s, {} events/s; apply thread CPU {} s, {} records/CPU-s", instanceId,
                outcomes + keyRecords, outcomes, events, keyRecords, String.format(Locale.ROOT, "%.3f", seconds),
                Math.round((outcomes + keyRecords) / seconds), Math.round(events / seconds),
                String.format(Locale.ROOT, "%.3f", cpuSeconds), Math.round((outcomes + keyRecords) / cpuSeconds));
    }

    private Map<TopicPartition, Long> positions(Consumer<String, byte[]> c) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : all) {
            positions.put(partition, c.position(partition));
        }
        return positions;
    }

    /** Seeks to the stored offsets; returns the events end offsets the catch-up goes to. */
    private Map<TopicPartition, Long> position(Consumer<String, byte[]> c) {
        Map<TopicPartition, Long> stored = new HashMap<>();
        for (TopicPartition partition : all) {
            long next = store.nextOffset(partition.topic(), partition.partition());
            stored.put(partition, next);
            c.seek(partition, next);
        }
        Map<TopicPartition, Long> ends = c.endOffsets(all);
        progress.start(stored, ends);
        positioned = true;
        startedNanos = System.nanoTime();
        startedCpuNanos = THREADS.getCurrentThreadCpuTime();
        LOG.info("projection {} starting {} records behind the end of {} partitions", instanceId,
                progress.recordsBehindStart(), all.size());
        Map<TopicPartition, Long> eventsEnd = new HashMap<>(ends);
        eventsEnd.keySet().retainAll(eventPartitions);
        return eventsEnd;
    }

    /** After a retriable failure: forget everything not committed and read again from the stored offsets. */
    private void rewind(Consumer<String, byte[]> c, PollApplier applier) {
        applier.reset();
        applyingPositions = Map.of();
        waitingForKeys = Set.of();
        if (positioned) {
            for (TopicPartition partition : all) {
                c.seek(partition, progress.applied(partition));
            }
        }
    }

    private void pause(long millis) {
        try {
            stopSignal.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static List<TopicPartition> partitions(String topic, int count) {
        return IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }
}
