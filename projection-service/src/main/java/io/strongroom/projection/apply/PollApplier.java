package io.strongroom.projection.apply;

import io.strongroom.core.event.Outcome;
import io.strongroom.projection.apply.DecodedPoll.Pending;
import io.strongroom.projection.query.OutcomeWaiters;
import io.strongroom.store.SecretStore;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one decoded poll into one store batch: first every key record, then the outcomes of each
 * events partition in log order through the {@link KeyGate}, then the next offset of every partition
 * that moved (the positions right after that poll). Waiters are completed only after the commit.
 *
 * <p>An events partition whose head outcome waits for a data key is paused (nothing else is) and the
 * rest of what was read from it stays buffered here; its recorded offset stays at the first record not
 * applied, so a restart reads the buffer again. Runs on the apply thread only.
 */
final class PollApplier {
    private static final Logger LOG = LoggerFactory.getLogger(PollApplier.class);

    private final Consumer<String, byte[]> consumer;
    private final SecretStore store;
    private final OutcomeWaiters waiters;
    private final KeyGate gate;
    private final Progress progress;
    private final List<TopicPartition> keyPartitions;
    private final List<TopicPartition> eventPartitions;
    private final List<TopicPartition> all;
    private final Map<TopicPartition, ArrayDeque<Pending>> held = new HashMap<>();
    private final AtomicLong appliedOutcomes;
    private final String instanceId;
    private long appliedKeyRecords;
    private long appliedEvents;

    PollApplier(Consumer<String, byte[]> consumer, SecretStore store, OutcomeWaiters waiters, KeyGate gate,
            Progress progress, List<TopicPartition> keyPartitions, List<TopicPartition> eventPartitions,
            AtomicLong appliedOutcomes, String instanceId) {
        this.consumer = consumer;
        this.store = store;
        this.waiters = waiters;
        this.gate = gate;
        this.progress = progress;
        this.keyPartitions = keyPartitions;
        this.eventPartitions = eventPartitions;
        this.all = Stream.concat(keyPartitions.stream(), eventPartitions.stream()).toList();
        this.appliedOutcomes = appliedOutcomes;
        this.instanceId = instanceId;
    }

    void apply(DecodedPoll poll) {
        try (PendingBatch batch = new PendingBatch(store)) {
            for (DecodedPoll.KeyRecord key : poll.keys()) {
                batch.putKey(key.recordKey(), key.value());
            }
            for (TopicPartition partition : eventPartitions) {
                drain(partition, poll.outcomes(partition), batch);
            }
            Map<TopicPartition, Long> moved = new HashMap<>();
            for (TopicPartition partition : all) {
                long next = nextToApply(partition, poll);
                if (next != progress.applied(partition)) {
                    batch.nextOffset(partition, next);
                    moved.put(partition, next);
                }
            }
            if (!batch.isEmpty()) {
                List<Outcome> outcomes = batch.commit();
                moved.forEach(progress::applied);
                appliedOutcomes.addAndGet(outcomes.size());
                appliedKeyRecords += batch.keyRecords();
                outcomes.forEach(outcome -> appliedEvents += outcome.events().size());
                waiters.applied(outcomes);
            }
        }
    }

    /** At start-up: the events end offsets the catch-up goes to ({@link KeyGate#startedAt}). */
    void startedAt(Map<TopicPartition, Long> eventsEnd) {
        gate.startedAt(eventsEnd);
    }

    /** Key records (and tombstones) committed since this applier was made. */
    long appliedKeyRecords() {
        return appliedKeyRecords;
    }

    /** Events (inside the outcomes; a rejected command's outcome holds none) committed since this applier was made. */
    long appliedEvents() {
        return appliedEvents;
    }

    /** The events partitions held back right now. */
    Set<TopicPartition> held() {
        return Set.copyOf(held.keySet());
    }

    /** Drops every buffered record and hold, and resumes paused partitions (before seeking back). */
    void reset() {
        held.clear();
        gate.clear();
        consumer.resume(consumer.paused());
    }

    private void drain(TopicPartition partition, List<Pending> fresh, PendingBatch batch) {
        ArrayDeque<Pending> queue = held.computeIfAbsent(partition, p -> new ArrayDeque<>());
        queue.addAll(fresh);
        while (!queue.isEmpty()) {
            Pending head = queue.peekFirst();
            if (gate.mustWait(partition, head.offset(), head.outcome(), batch::hasKey)) {
                if (!consumer.paused().contains(partition)) {
                    consumer.pause(List.of(partition));
                    LOG.debug("projection {} holds {} at offset {} until the data key of command {} arrives",
                            instanceId, partition, head.offset(), head.outcome().commandId());
                }
                return;
            }
            OutcomeFold.apply(batch, head.outcome());
            queue.removeFirst();
        }
        held.remove(partition);
        if (consumer.paused().contains(partition)) {
            consumer.resume(List.of(partition));
        }
    }

    /** The first offset not yet applied: the head of a held buffer, else the position right after the poll. */
    private long nextToApply(TopicPartition partition, DecodedPoll poll) {
        ArrayDeque<Pending> queue = held.get(partition);
        return queue != null && !queue.isEmpty() ? queue.peekFirst().offset() : poll.positions().get(partition);
    }
}
