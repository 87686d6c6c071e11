package io.strongroom.deploy.cli;

import io.strongroom.core.audit.AuditRecord;
import io.strongroom.core.codec.Json;
import io.strongroom.deploy.audit.AuditTopicReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strongroom audit tail --kafka <bootstrap> [-n 20]}: the newest audit records, one JSON line each, oldest first. */
@Command(name = "tail", mixinStandardHelpOptions = true, description = "Print the newest audit records as JSON lines.")
public final class AuditTailCommand implements Callable<Integer> {
    @Mixin
    AuditTopicOptions options;

    @Option(names = {"-n", "--records"}, defaultValue = "20", description = "how many records (default: ${DEFAULT-VALUE})")
    int count;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<AuditRecord> records = new ArrayList<>();
        options.reader().read(Math.max(1, count), new AuditTopicReader.Visitor() {
            @Override
            public void record(int partition, long offset, AuditRecord record) {
                records.add(record);
            }

            @Override
            public void undecodable(int partition, long offset) {}
        });
        records.sort(Comparator.comparing(AuditRecord::time, Comparator.nullsFirst(Comparator.naturalOrder())));
        PrintWriter out = spec.commandLine().getOut();
        records.subList(Math.max(0, records.size() - count), records.size())
                .forEach(r -> out.println(new String(Json.write(r), StandardCharsets.UTF_8)));
        out.flush();
        return 0;
    }
}
