package io.strongroom.core.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Checks one gateway's chain, fed its records in log order (one gateway writes to one partition, so
 * log order is the order it wrote them in). Every record must hash to its {@code hash}, carry the
 * next sequence number, and link to the previous record's hash. The first failure is kept as the
 * broken link; counting goes on after it.
 *
 * <p>A chain whose first record has {@code seq > 0} is reported as starting there (retention expires
 * the oldest records), not as broken: only what lies between the first and last record kept is provable.
 */
public final class ChainVerifier {
    private final String gatewayId;
    private long records;
    private long dropped;
    private AuditRecord first;
    private AuditRecord last;
    private Break broken;

    public ChainVerifier(String gatewayId) {
        this.gatewayId = gatewayId;
    }

    /** Where and why the chain first failed to verify. */
    public record Break(long seq, String reason) {}

    /** What a verification found for one gateway. */
    public record Report(String gatewayId, long records, long firstSeq, long lastSeq, Instant firstTime,
            Instant lastTime, long dropped, Optional<Break> broken) {
        public boolean ok() {
            return broken.isEmpty();
        }
    }

    public void accept(AuditRecord record) {
        records++;
        dropped += record.dropped();
        if (broken == null) {
            String reason = problem(record);
            if (reason != null) {
                broken = new Break(record.seq(), reason);
            }
        }
        if (first == null) {
            first = record;
        }
        last = record;
    }

    private String problem(AuditRecord record) {
        if (!gatewayId.equals(record.gatewayId())) {
            return "record of gateway " + record.gatewayId() + " in the chain of " + gatewayId;
        }
        if (record.hash() == null || !record.hash().equals(AuditHash.of(record))) {
            return "altered: the hash does not match the record's content";
        }
        if (last == null) {
            return record.seq() == 0 && !AuditChain.GENESIS.equals(record.prevHash())
                    ? "the first record does not start from the genesis hash" : null;
        }
        long expected = last.seq() + 1;
        if (record.seq() > expected) {
            return "missing: expected seq " + expected + " but found " + record.seq()
                    + (expected == record.seq() - 1 ? "" : " (" + (record.seq() - expected) + " records)");
        }
        if (record.seq() < expected) {
            return "out of order: seq " + record.seq() + " after seq " + last.seq();
        }
        if (!last.hash().equals(record.prevHash())) {
            return "prevHash does not match the hash of seq " + last.seq();
        }
        return null;
    }

    public Report report() {
        return new Report(gatewayId, records, first == null ? -1 : first.seq(), last == null ? -1 : last.seq(),
                first == null ? null : first.time(), last == null ? null : last.time(), dropped,
                Optional.ofNullable(broken));
    }
}
