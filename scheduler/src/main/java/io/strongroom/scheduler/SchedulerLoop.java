package io.strongroom.scheduler;

import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.kafka.Records;
import io.strongroom.scheduler.checkpoint.Checkpoint;
import io.strongroom.scheduler.checkpoint.CheckpointFile;
import io.strongroom.scheduler.index.PurgeCommands;
import io.strongroom.scheduler.index.ScheduleRelevance;
import io.strongroom.scheduler.index.ScheduledDeletion;
import io.strongroom.scheduler.index.ScheduledDeletions;
import io.strongroom.scheduler.kafka.CommandProducer;
import io.strongroom.scheduler.kafka.EventTail;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's one thread. Every instance follows the events topic, so a standby has the index
 * ready when it takes over; only the leader, once caught up with the log, sends purges on each tick.
 * With a {@link CheckpointFile}, the index and the positions it was folded up to are written every
 * {@link #CHECKPOINT_EVERY} (if they moved) and on stop, so a restart reads on from there instead of
 * re-reading the whole log.
 */
final class SchedulerLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerLoop.class);
    private static final Duration MAX_POLL = Duration.ofMillis(500);
    private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);
    static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(30);

    private final SchedulerConfig config;
    private final EventTail tail;
    private final ScheduledDeletions index;
    private final CheckpointFile checkpoints;
    private final CommandProducer commands;
    private final BooleanSupplier leader;
    private final AtomicLong recordsRead = new AtomicLong();
    private final long startedNanos = System.nanoTime();
    private Map<Integer, Long> checkpointed = Map.of();
    private boolean caughtUpReported;
    private volatile boolean running = true;

    /** @param checkpoints null: no checkpoint is written */
    SchedulerLoop(SchedulerConfig config, EventTail tail, ScheduledDeletions index, CheckpointFile checkpoints,
            CommandProducer commands, BooleanSupplier leader) {
        this.config = config;
        this.tail = tail;
        this.index = index;
        this.checkpoints = checkpoints;
        this.commands = commands;
        this.leader = leader;
    }

    @Override
    public void run() {
        Duration poll = config.tick().compareTo(MAX_POLL) < 0 ? config.tick() : MAX_POLL;
        long nextTick = System.nanoTime();
        long nextCheckpoint = nextTick + CHECKPOINT_EVERY.toNanos();
        try {
            while (running) {
                try {
                    ConsumerRecords<String, byte[]> records = tail.poll(poll);
                    for (ConsumerRecord<String, byte[]> record : records) {
                        fold(record);
                    }
                    recordsRead.addAndGet(records.count());
                    reportCatchUp();
                    long now = System.nanoTime();
                    if (now - nextTick >= 0) {
                        nextTick = now + config.tick().toNanos();
                        if (leader.getAsBoolean() && tail.caughtUp()) {
                            sendDuePurges(now);
                        }
                    }
                    if (checkpoints != null && now - nextCheckpoint >= 0) {
                        nextCheckpoint = now + CHECKPOINT_EVERY.toNanos();
                        checkpoint();
                    }
                } catch (WakeupException e) {
                    // stop() woke the poll up; the loop condition decides.
                } catch (RuntimeException e) {
                    // Kafka clients retry transient faults themselves; anything else: say so, pause, go on.
                    LOG.warn("scheduler {}: {}; retrying", config.instanceId(), e.toString());
                    LockSupport.parkNanos(FAILURE_PAUSE.toNanos());
                }
            }
        } finally {
            finalCheckpoint();
            commands.close();
            tail.close();
        }
    }

    /** Records of the events topic read since this instance started. */
    long recordsRead() {
        return recordsRead.get();
    }

    private void reportCatchUp() {
        if (!caughtUpReported && tail.caughtUp()) {
            caughtUpReported = true;
            LOG.info("scheduler {} caught up with the events log: {} records read in {} ms, {} deletions scheduled",
                    config.instanceId(), recordsRead.get(), (System.nanoTime() - startedNanos) / 1_000_000,
                    index.size());
        }
    }

    /** Writes the index and the positions it was folded up to, unless neither moved since the last one. */
    private void checkpoint() {
        Map<Integer, Long> positions = tail.positions();
        if (positions.equals(checkpointed)) {
            return;
        }
        try {
            checkpoints.write(new Checkpoint(config.topics().events(), tail.topicId(), positions, index.snapshot()));
            checkpointed = positions;
        } catch (UncheckedIOException | IllegalStateException e) {
            // Cannot write it, or cannot describe the topic: costs a longer read at the next start only.
            LOG.warn("scheduler {}: no checkpoint written: {}", config.instanceId(), e.getMessage());
        }
    }

    /** On stop; a wakeup meant for the last poll may still be pending, and is spent by the first try. */
    private void finalCheckpoint() {
        if (checkpoints == null) {
            return;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                checkpoint();
                return;
            } catch (WakeupException e) {
                // the stop's wakeup, now spent: try once more
            } catch (RuntimeException e) {
                LOG.warn("scheduler {}: no checkpoint written on stop: {}", config.instanceId(), e.toString());
                return;
            }
        }
    }

    private void fold(ConsumerRecord<String, byte[]> record) {
        if (!ScheduleRelevance.mayMatter(record.value())) {
            return;
        }
        Outcome outcome;
        try {
            outcome = Records.outcome(record.value());
        } catch (UncheckedIOException e) {
            LOG.error("skipping undecodable event record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        index.apply(record.key(), outcome);
    }

    private void sendDuePurges(long nanos) {
        Instant now = config.clock().instant();
        for (ScheduledDeletion due : index.due(now, nanos, config.retryAfter())) {
            CommandEnvelope purge = PurgeCommands.purge(due, config.instanceId(), now, config.commandDeadline());
            commands.send(purge, due.stem());
            index.sent(due.secretId(), nanos);
            LOG.info("purge of secret {} (account {}, deletion date {}) sent by {}", due.secretId(), due.account(),
                    due.deletionDate(), config.instanceId());
        }
    }

    void stop() {
        running = false;
        tail.wakeup();
    }
}
