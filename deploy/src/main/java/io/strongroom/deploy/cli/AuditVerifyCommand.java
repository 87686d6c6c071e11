package io.strongroom.deploy.cli;

import io.strongroom.core.audit.AuditRecord;
import io.strongroom.core.audit.ChainVerifier;
import io.strongroom.core.audit.TrailVerifier;
import io.strongroom.deploy.audit.AuditTopicReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom audit verify --kafka <bootstrap>}: reads the whole audit topic and checks each
 * gateway's hash chain. Prints one line per gateway (records, seq range, first and last time,
 * calls dropped, then OK or the first broken link) and exits 0 only if every chain is intact.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify each gateway's hash chain on the audit topic; exit code 1 if any is broken.")
public final class AuditVerifyCommand implements Callable<Integer> {
    @Mixin
    AuditTopicOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TrailVerifier trail = new TrailVerifier();
        List<String> undecodable = new ArrayList<>();
        options.reader().read(0, new AuditTopicReader.Visitor() {
            @Override
            public void record(int partition, long offset, AuditRecord record) {
                trail.accept(record);
            }

            @Override
            public void undecodable(int partition, long offset) {
                undecodable.add("partition " + partition + " offset " + offset);
            }
        });
        List<ChainVerifier.Report> reports = trail.reports();
        out.println("audit topic " + options.topic + ": " + reports.size() + " gateway chain(s)");
        boolean ok = undecodable.isEmpty();
        for (ChainVerifier.Report report : reports) {
            out.println(line(report));
            ok &= report.ok();
        }
        undecodable.forEach(place -> out.println("BROKEN: a record that is not an audit record at " + place));
        out.println(ok ? "OK" : "BROKEN");
        out.flush();
        return ok ? 0 : 1;
    }

    private static String line(ChainVerifier.Report r) {
        String verdict = r.broken().map(b -> "BROKEN at seq " + b.seq() + ": " + b.reason()).orElse("OK");
        return "gateway " + r.gatewayId() + ": " + r.records() + " records, seq " + r.firstSeq() + ".." + r.lastSeq()
                + (r.firstSeq() > 0 ? " (older records expired)" : "") + ", " + r.firstTime() + " .. " + r.lastTime()
                + ", " + r.dropped() + " calls dropped: " + verdict;
    }
}
