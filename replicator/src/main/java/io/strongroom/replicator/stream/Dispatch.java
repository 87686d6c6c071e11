package io.strongroom.replicator.stream;

import io.strongroom.core.command.ApplyReplicaDelta;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.OverwriteForReplica;
import io.strongroom.core.command.RemoveReplica;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.replication.PeerRegion;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.replicator.delta.DeltaBuilder;
import io.strongroom.replicator.delta.History;
import io.strongroom.replicator.kafka.OwnCommands;
import io.strongroom.replicator.kafka.PartitionScan;
import io.strongroom.replicator.kafka.TargetLink;
import io.strongroom.replicator.metrics.ReplicationLag;
import io.strongroom.replicator.reply.Reaction;
import io.strongroom.replicator.reply.ReplicationCommands;
import io.strongroom.replicator.reply.ReplicationMessages;
import io.strongroom.replicator.reply.ReplyPolicy;
import io.strongroom.replicator.reply.StatusReporter;
import io.strongroom.replicator.reply.StatusReports;
import io.strongroom.replicator.route.Plan;
import io.strongroom.replicator.route.Routes;
import io.strongroom.replicator.route.SecretDirectory;
import io.strongroom.replicator.route.SecretFacts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream's traffic: turns own-log outcomes into commands to the target (deltas, replays, removals,
 * forget-replica), and the target's answers into reports, replays and overwrites. Every command waits
 * in the {@link InFlightWindow} under the own-log record it came from. Runs on the stream's thread.
 */
final class Dispatch {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatch.class);

    private final String ownRegion;
    private final PeerRegion target;
    private final InFlightWindow window;
    private final SecretDirectory directory;
    private final PartitionScan scan;
    private final DeltaBuilder deltas;
    private final ReplicationCommands commands;
    private final StatusReporter reports;
    private final ReplicationLag lag;
    private final OwnCommands own;
    private TargetLink link;
    private long sendNo;

    /** Where a command came from: the record it holds and the secret it is about. */
    private record Origin(int partition, long offset, String routingKey, String account, String secretId, String name) {}

    Dispatch(String ownRegion, PeerRegion target, InFlightWindow window, SecretDirectory directory, PartitionScan scan,
            DeltaBuilder deltas, ReplicationCommands commands, StatusReporter reports, ReplicationLag lag, OwnCommands own) {
        this.ownRegion = ownRegion;
        this.target = target;
        this.window = window;
        this.directory = directory;
        this.scan = scan;
        this.deltas = deltas;
        this.commands = commands;
        this.reports = reports;
        this.lag = lag;
        this.own = own;
    }

    /** The connection to the target; null while it is unreachable. */
    void link(TargetLink link) {
        this.link = link;
    }

    /**
     * While the target is unreachable: what an own-log outcome would send is not sent (the position
     * stays where it was), but the secrets it concerns show Failed until the target answers again.
     */
    void unsent(int partition, String routingKey, Outcome outcome) {
        directory.learn(outcome);
        List<Plan> plans = Routes.plan(outcome, target.name());
        boolean replicates = plans.stream().anyMatch(p -> p instanceof Plan.Delta || p instanceof Plan.FullSync);
        if (!replicates) {
            return;
        }
        facts(partition, outcome.secretId()).ifPresent(facts -> {
            long base = plans.get(0) instanceof Plan.Delta delta ? delta.events().get(0).seq() - 1 : 0;
            reports.offer(new StatusReports.Report(routingKey, outcome.account(),
                    outcome.secretId(), facts.name(), base, ReplicationState.FAILED,
                    ReplicationMessages.unreachable(target.name())));
        });
    }

    /** Sends whatever an own-log outcome (already marked read) asks of the target; its record is held until answered. */
    void ownOutcome(int partition, long offset, String routingKey, Outcome outcome) {
        directory.learn(outcome);
        List<Plan> plans = Routes.plan(outcome, target.name());
        if (plans.isEmpty()) {
            return;
        }
        Optional<SecretFacts> facts = facts(partition, outcome.secretId());
        if (facts.isEmpty()) {
            LOG.error("secret {} has no SecretCreated in partition {}: cannot replicate it", outcome.secretId(),
                    partition);
            return;
        }
        Origin origin = new Origin(partition, offset, routingKey, outcome.account(), outcome.secretId(),
                facts.get().name());
        for (Plan plan : plans) {
            if (plan instanceof Plan.Delta delta) {
                sendDeltas(origin, facts.get(), List.of(delta.events()), PendingCommand.Kind.DELTA, outcome.timestamp());
            } else if (plan instanceof Plan.FullSync) {
                replay(origin, 1);
            } else if (plan instanceof Plan.RemoveReplica) {
                send(origin, PendingCommand.Kind.REMOVE, 0, 0, null,
                        commands.toTarget(origin.account(), origin.name(), new RemoveReplica(ownRegion, origin.secretId())));
            } else if (plan instanceof Plan.ForgetReplica) {
                send(origin, PendingCommand.Kind.FORGET, 0, 0, null,
                        commands.forgetThere(origin.account(), origin.name(), origin.secretId()));
            }
        }
    }

    /** Handles the target's outcome if it answers a command of this stream; returns the reaction (null if not). */
    Reaction targetOutcome(Outcome answer) {
        Optional<PendingCommand> answered = window.answered(answer.commandId());
        if (answered.isEmpty()) {
            return null;
        }
        PendingCommand command = answered.get();
        boolean force = directory.find(command.secretId()).map(f -> f.forceOverwriteIn(target.name())).orElse(false);
        Reaction reaction = ReplyPolicy.react(command, answer, force, target.name());
        Origin origin = new Origin(command.partition(), command.offset(), command.routingKey(), command.account(),
                command.secretId(), command.name());
        if (reaction instanceof Reaction.Done done) {
            if (done.status() != null) {
                reports.offer(new StatusReports.Report(command.routingKey(), command.account(), command.secretId(),
                        command.name(), done.seq(), done.status(), done.message()));
            }
            if (done.applied() && command.writtenAt() != null) {
                lag.acknowledged(command.writtenAt());
            }
        } else if (reaction instanceof Reaction.Replay replay) {
            if (!coveredByPendingReplay(command, replay.fromSeq())) {
                replay(origin, replay.fromSeq());
            }
        } else if (reaction instanceof Reaction.Overwrite) {
            send(origin, PendingCommand.Kind.OVERWRITE, 0, 0, null, commands.toTarget(command.account(),
                    command.name(), new OverwriteForReplica(ownRegion, command.secretId())));
        } else if (reaction instanceof Reaction.ForgetHere) {
            own.send(commands.forgetHere(command.account(), command.name(), command.secretId(), target.name()),
                    command.routingKey());
        }
        return reaction;
    }

    /** A replay sent after this command, starting no later than {@code fromSeq}, already repairs the gap. */
    private boolean coveredByPendingReplay(PendingCommand command, long fromSeq) {
        return window.pending().stream().anyMatch(p -> p.kind() == PendingCommand.Kind.REPLAY
                && p.secretId().equals(command.secretId()) && p.sendNo() > command.sendNo() && p.firstSeq() <= fromSeq);
    }

    private void replay(Origin origin, long fromSeq) {
        History history = new History(origin.secretId(), fromSeq);
        scan.scan(origin.partition(), outcome -> {
            directory.learn(outcome);
            history.add(outcome);
        });
        Optional<SecretFacts> facts = directory.find(origin.secretId());
        if (facts.isEmpty()) {
            LOG.error("secret {} has no SecretCreated in partition {}: cannot replay it", origin.secretId(),
                    origin.partition());
            return;
        }
        sendDeltas(origin, facts.get(), history.groups(), PendingCommand.Kind.REPLAY, null);
    }

    private void sendDeltas(Origin origin, SecretFacts facts, List<List<EventEnvelope>> groups,
            PendingCommand.Kind kind, Instant writtenAt) {
        for (ApplyReplicaDelta delta : deltas.build(origin.secretId(), facts, target, groups)) {
            List<EventEnvelope> events = delta.events();
            send(origin, kind, events.get(0).seq(), events.get(events.size() - 1).seq(), writtenAt,
                    commands.toTarget(origin.account(), origin.name(), delta));
        }
    }

    private void send(Origin origin, PendingCommand.Kind kind, long firstSeq, long lastSeq, Instant writtenAt,
            CommandEnvelope command) {
        window.await(new PendingCommand(command.commandId(), kind, origin.partition(), origin.offset(),
                origin.routingKey(), origin.account(), origin.secretId(), origin.name(), firstSeq, lastSeq, writtenAt,
                ++sendNo));
        try {
            link.send(command, origin.routingKey());
        } catch (KafkaException e) {
            throw new Unreachable(e);
        }
    }

    /** The facts of a secret first seen mid-log are read from its partition's history. */
    private Optional<SecretFacts> facts(int partition, String secretId) {
        Optional<SecretFacts> known = directory.find(secretId);
        if (known.isPresent()) {
            return known;
        }
        scan.scan(partition, directory::learn);
        return directory.find(secretId);
    }
}
