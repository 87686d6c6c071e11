package io.strongroom.replicator.stream;

import io.strongroom.core.event.Outcome;
import io.strongroom.core.replication.PeerRegion;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.kafka.Records;
import io.strongroom.replicator.ReplicatorConfig;
import io.strongroom.replicator.delta.DeltaBuilder;
import io.strongroom.replicator.delta.TransportKeys;
import io.strongroom.replicator.kafka.OwnCommands;
import io.strongroom.replicator.kafka.OwnEvents;
import io.strongroom.replicator.kafka.PartitionScan;
import io.strongroom.replicator.kafka.TargetLink;
import io.strongroom.replicator.metrics.ReplicationLag;
import io.strongroom.replicator.reply.ReplicationCommands;
import io.strongroom.replicator.reply.ReplicationMessages;
import io.strongroom.replicator.reply.StatusReporter;
import io.strongroom.replicator.reply.StatusReports;
import io.strongroom.replicator.route.SecretDirectory;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replication from the own region to one target, on its own thread. Reads the own events log under
 * the target's group, sends what each outcome asks (pipelined, at most {@code inFlightWindow} records
 * waiting), matches the target's answers, and commits its position only up to the lowest record not
 * yet answered. Every failure goes through {@link #failed}: the window is dropped, the position rewound
 * to the last commit, and the stream retries after a growing pause; a target that failed shows Failed
 * in the status of the secrets that were waiting, and converges to InSync when it answers again.
 */
public final class TargetStream implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(TargetStream.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    private static final Duration BUSY_POLL = Duration.ofMillis(10);
    private static final Duration REPLY_POLL = Duration.ofMillis(40);

    private final ReplicatorConfig config;
    private final PeerRegion target;
    private final OwnCommands own;
    private final ReplicationCommands commands;
    private final TargetHealth health;
    private final InFlightWindow window = new InFlightWindow();
    private final StatusReporter reports;
    private final SecretDirectory directory = new SecretDirectory();
    private final Backoff backoff;
    private final ReplicationLag lag;
    private final String clientId;
    private volatile boolean running = true;
    private volatile OwnEvents ownEvents;
    private PartitionScan scan;
    private Dispatch dispatch;
    private TargetLink link;
    private long retryAtNanos;
    private long silentNanos;

    public TargetStream(ReplicatorConfig config, PeerRegion target, OwnCommands own) {
        this.config = config;
        this.target = target;
        this.own = own;
        this.commands = new ReplicationCommands(config.region(), config.clock(), config.commandValidity());
        this.health = new TargetHealth(config.region(), target.name());
        this.reports = new StatusReporter(target.name(), own, commands);
        this.backoff = new Backoff(Duration.ofMillis(200), config.maxBackoff());
        this.lag = new ReplicationLag(config.meters(), target.name(), config.clock());
        this.clientId = config.instanceId() + "-to-" + target.name();
    }

    public PeerRegion target() {
        return target;
    }

    public TargetHealth.State state() {
        return health.state();
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    step();
                } catch (WakeupException e) {
                    // stop() woke a poll up; the loop condition decides.
                } catch (Unreachable e) {
                    failed(true, e.getMessage());
                } catch (RuntimeException e) {
                    failed(false, e.toString());
                }
            }
        } finally {
            closeAll();
        }
    }

    public void stop() {
        running = false;
        OwnEvents events = ownEvents;
        if (events != null) {
            events.wakeup();
        }
    }

    private void step() {
        openOwnReaders();
        if (link == null && !connect()) {
            if (health.state() == TargetHealth.State.UNREACHABLE) {
                readWhileUnreachable();
            } else {
                java.util.concurrent.locks.LockSupport.parkNanos(IDLE_POLL.toNanos());
            }
            return;
        }
        ownEvents.pause(window.heldRecords() >= config.inFlightWindow());
        for (ConsumerRecord<String, byte[]> record : ownEvents.poll(window.isEmpty() ? IDLE_POLL : BUSY_POLL)) {
            window.read(record.partition(), record.offset());
            Outcome outcome = decode(record);
            if (outcome != null) {
                dispatch.ownOutcome(record.partition(), record.offset(), record.key(), outcome);
            }
        }
        readAnswers();
        Exception sendFailure = link.takeSendFailure();
        if (sendFailure != null) {
            throw new Unreachable(sendFailure);
        }
        if (silentNanos > config.ackTimeout().toNanos()) {
            throw new Unreachable("no answer within " + config.ackTimeout());
        }
        reports.flush();
        ownEvents.commit(window.committable());
        if (window.isEmpty() && health.state() == TargetHealth.State.CONNECTED && ownEvents.atEnd()) {
            health.caughtUp();
        }
    }

    /**
     * Reads the target's answers. The silence that makes a target unreachable is counted here only, as
     * time spent listening with commands waiting, so that the stream's own slow work (a replay reading
     * a long log) never passes for the target's silence.
     */
    private void readAnswers() {
        long started = System.nanoTime();
        ConsumerRecords<String, byte[]> answers;
        try {
            answers = link.pollReplies(window.isEmpty() ? Duration.ZERO : REPLY_POLL);
        } catch (KafkaException e) {
            throw new Unreachable(e);
        }
        boolean heard = false;
        for (ConsumerRecord<String, byte[]> record : answers) {
            Outcome answer = window.isEmpty() ? null : decode(record);
            if (answer != null && dispatch.targetOutcome(answer) != null) {
                heard = true;
                backoff.reset();
            }
        }
        silentNanos = heard || window.isEmpty() ? 0 : silentNanos + System.nanoTime() - started;
    }

    /** While waiting to retry: changes made meanwhile show Failed; nothing is sent, the position stays. */
    private void readWhileUnreachable() {
        ownEvents.pause(false);
        for (ConsumerRecord<String, byte[]> record : ownEvents.poll(IDLE_POLL)) {
            Outcome outcome = decode(record);
            if (outcome != null) {
                dispatch.unsent(record.partition(), record.key(), outcome);
            }
        }
        reports.flush();
    }

    private void openOwnReaders() {
        if (ownEvents == null) {
            ownEvents = new OwnEvents(config.kafka(), config.topics().events(), clientId + "-events",
                    config.groupFor(target.name()), config.inFlightWindow(), config.ackTimeout());
            scan = new PartitionScan(config.kafka(), config.topics().events(), clientId + "-scan", config.ackTimeout());
            dispatch = new Dispatch(config.region(), target, window, directory, scan, new DeltaBuilder(config.region(),
                    new TransportKeys(config.readModel(), config.cipher(), config.ackTimeout())), commands, reports,
                    lag, own);
        }
    }

    /** Connects to the target once the pause after a failure is over; false while it is not. */
    private boolean connect() {
        if (System.nanoTime() - retryAtNanos < 0) {
            return false;
        }
        try {
            link = TargetLink.open(target, config.peerTopics().commands(), config.peerTopics().events(), clientId,
                    config.ackTimeout());
        } catch (KafkaException | IllegalStateException e) {
            throw new Unreachable(e);
        }
        // Whatever was read while unreachable is read again, now to be sent.
        window.clear();
        ownEvents.rewind();
        dispatch.link(link);
        health.connected();
        return true;
    }

    /**
     * The one failure path: the waiting secrets show Failed if the target is at fault, the window and
     * the connection are dropped, and the next connection (after a growing pause) reads again from the
     * committed position.
     */
    private void failed(boolean targetUnreachable, String reason) {
        if (targetUnreachable) {
            health.unreachable(reason);
            for (PendingCommand pending : window.pending()) {
                if (pending.kind() != PendingCommand.Kind.REMOVE && pending.kind() != PendingCommand.Kind.FORGET) {
                    reports.offer(new StatusReports.Report(pending.routingKey(), pending.account(), pending.secretId(),
                            pending.name(), pending.baseSeq(), ReplicationState.FAILED,
                            ReplicationMessages.unreachable(target.name())));
                }
            }
        } else {
            LOG.warn("replication {} -> {}: {}; retrying", config.region(), target.name(), reason);
        }
        try {
            reports.flush();
        } catch (RuntimeException e) {
            LOG.warn("replication {} -> {}: status reports not sent: {}", config.region(), target.name(), e.toString());
        }
        window.clear();
        silentNanos = 0;
        if (link != null) {
            dispatch.link(null);
            link.close();
            link = null;
        }
        retryAtNanos = System.nanoTime() + backoff.next().toNanos();
    }

    private Outcome decode(ConsumerRecord<String, byte[]> record) {
        try {
            return Records.outcome(record.value());
        } catch (UncheckedIOException e) {
            LOG.error("skipping undecodable event record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return null;
        }
    }

    private void closeOwnReaders() {
        if (ownEvents != null) {
            ownEvents.close();
            ownEvents = null;
        }
        if (scan != null) {
            scan.close();
            scan = null;
        }
        dispatch = null;
    }

    private void closeAll() {
        if (link != null) {
            link.close();
            link = null;
        }
        closeOwnReaders();
    }
}
