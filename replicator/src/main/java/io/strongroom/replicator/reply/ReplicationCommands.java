package io.strongroom.replicator.reply;

import io.strongroom.core.command.Command;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.ForgetReplica;
import io.strongroom.core.command.ReportReplicationStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The envelopes of the replicator's commands. To a target region the SecretId is the secret's name
 * (the target holds it under that name) and no incarnation is expected (the payload carries it: the
 * target decides about a name held by another secret itself). To the own region the incarnation is
 * expected, so a report never lands on a newer secret of the same name.
 */
public final class ReplicationCommands {
    private final String ownRegion;
    private final String principal;
    private final Clock clock;
    private final Duration validity;

    public ReplicationCommands(String ownRegion, Clock clock, Duration validity) {
        this.ownRegion = ownRegion;
        this.principal = "strongroom:replicator:" + ownRegion;
        this.clock = clock;
        this.validity = validity;
    }

    public CommandEnvelope toTarget(String account, String name, Command payload) {
        return envelope(account, name, null, payload);
    }

    public CommandEnvelope report(String target, StatusReports.Report report) {
        return envelope(report.account(), report.name(), report.secretId(),
                new ReportReplicationStatus(target, report.seq(), report.status(), report.message()));
    }

    /** To the own region: drop {@code region} from the secret's replication (its replica was promoted). */
    public CommandEnvelope forgetHere(String account, String name, String secretId, String region) {
        return envelope(account, name, secretId, new ForgetReplica(region));
    }

    /** To a former primary region: this region's replica of the secret was promoted. */
    public CommandEnvelope forgetThere(String account, String name, String secretId) {
        return envelope(account, name, secretId, new ForgetReplica(ownRegion));
    }

    private CommandEnvelope envelope(String account, String name, String expectedSecretId, Command payload) {
        return new CommandEnvelope("repl:" + ownRegion + ":" + UUID.randomUUID(), account, principal,
                clock.instant().plus(validity), name, expectedSecretId, payload);
    }
}
