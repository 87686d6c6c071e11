package io.strongroom.scheduler;

import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.kafka.Records;
import io.strongroom.scheduler.index.PurgeCommands;
import io.strongroom.scheduler.index.ScheduleRelevance;
import io.strongroom.scheduler.index.ScheduledDeletion;
import io.strongroom.scheduler.index.ScheduledDeletions;
import io.strongroom.scheduler.kafka.CommandProducer;
import io.strongroom.scheduler.kafka.EventTail;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's one thread. Every instance follows the events topic, so a standby has the index
 * ready when it takes over; only the leader, once caught up with the log, sends purges on each tick.
 */
final class SchedulerLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerLoop.class);
    private static final Duration MAX_POLL = Duration.ofMillis(500);
    private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);

    private final SchedulerConfig config;
    private final EventTail tail;
    private final CommandProducer commands;
    private final BooleanSupplier leader;
    private final ScheduledDeletions index = new ScheduledDeletions();
    private volatile boolean running = true;

    SchedulerLoop(SchedulerConfig config, EventTail tail, CommandProducer commands, BooleanSupplier leader) {
        this.config = config;
        this.tail = tail;
        this.commands = commands;
        this.leader = leader;
    }

    @Override
    public void run() {
        Duration poll = config.tick().compareTo(MAX_POLL) < 0 ? config.tick() : MAX_POLL;
        long nextTick = System.nanoTime();
        try {
            while (running) {
                try {
                    for (ConsumerRecord<String, byte[]> record : tail.poll(poll)) {
                        fold(record);
                    }
                    long now = System.nanoTime();
                    if (now - nextTick >= 0) {
                        nextTick = now + config.tick().toNanos();
                        if (leader.getAsBoolean() && tail.caughtUp()) {
                            sendDuePurges(now);
                        }
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
            commands.close();
            tail.close();
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
