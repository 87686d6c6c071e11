package io.strongroom.replicator.reply;

import io.strongroom.replicator.kafka.OwnCommands;

/**
 * Sends one target's status reports to the own region's commands topic, coalesced per secret between
 * two flushes ({@link StatusReports}). Not thread-safe: one per stream.
 */
public final class StatusReporter {
    private final String target;
    private final OwnCommands own;
    private final ReplicationCommands commands;
    private final StatusReports pending = new StatusReports();

    public StatusReporter(String target, OwnCommands own, ReplicationCommands commands) {
        this.target = target;
        this.own = own;
        this.commands = commands;
    }

    public void offer(StatusReports.Report report) {
        pending.offer(report);
    }

    public void flush() {
        for (StatusReports.Report report : pending.drain()) {
            own.send(commands.report(target, report), report.routingKey());
        }
    }
}
