package io.strongroom.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Verifies a whole audit trail: the records of each gateway go to that gateway's {@link ChainVerifier}. */
public final class TrailVerifier {
    private final Map<String, ChainVerifier> chains = new TreeMap<>();

    /** Records must come in log order; each gateway's records keep their order among themselves. */
    public void accept(AuditRecord record) {
        String gatewayId = record.gatewayId() == null ? "(none)" : record.gatewayId();
        chains.computeIfAbsent(gatewayId, ChainVerifier::new).accept(record);
    }

    /** One report per gateway, by gateway id. */
    public List<ChainVerifier.Report> reports() {
        List<ChainVerifier.Report> reports = new ArrayList<>();
        chains.values().forEach(chain -> reports.add(chain.report()));
        return reports;
    }
}
