package io.strongroom.replicator.reply;

import io.strongroom.core.replication.ReplicationState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Status reports waiting to be sent to the own region, coalesced per secret: of several reports about
 * one secret between two flushes only the latest is sent, unless an earlier one describes a higher
 * sequence (a late answer never hides a newer one). Not thread-safe: one per stream.
 */
public final class StatusReports {
    /** One report about one secret's replica in the stream's target region. */
    public record Report(String routingKey, String account, String secretId, String name, long seq,
            ReplicationState status, String message) {}

    private final Map<String, Report> bySecret = new LinkedHashMap<>();

    public void offer(Report report) {
        bySecret.merge(report.secretId(), report, (old, next) -> next.seq() >= old.seq() ? next : old);
    }

    public boolean isEmpty() {
        return bySecret.isEmpty();
    }

    /** The coalesced reports, oldest secret first; the buffer is empty afterwards. */
    public List<Report> drain() {
        List<Report> reports = new ArrayList<>(bySecret.values());
        bySecret.clear();
        return reports;
    }
}
