package io.strongroom.core.audit;

/**
 * The writing end of one gateway's hash chain: each {@link #append} gives the next record its
 * sequence number and links it to the previous one. Not thread-safe: one writer thread owns it.
 *
 * <p>A restarted gateway {@link #resume resumes} from the last record it finds on the topic, so its
 * chain continues without a seam and a run of records removed across a restart still shows.
 */
public final class AuditChain {
    /** The prevHash of a chain's first record: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private final String gatewayId;
    private long nextSeq;
    private String prevHash;

    private AuditChain(String gatewayId, long nextSeq, String prevHash) {
        this.gatewayId = gatewayId;
        this.nextSeq = nextSeq;
        this.prevHash = prevHash;
    }

    public static AuditChain start(String gatewayId) {
        return new AuditChain(gatewayId, 0, GENESIS);
    }

    /** Continues after {@code last}, the newest record of this gateway on the topic (null: none, a new chain). */
    public static AuditChain resume(String gatewayId, AuditRecord last) {
        if (last == null) {
            return start(gatewayId);
        }
        if (!gatewayId.equals(last.gatewayId())) {
            throw new IllegalArgumentException("record of gateway " + last.gatewayId() + " cannot continue " + gatewayId);
        }
        return new AuditChain(gatewayId, last.seq() + 1, last.hash());
    }

    public AuditRecord append(AuditCall call, long droppedBefore) {
        AuditRecord record = AuditRecord.unsealed(gatewayId, nextSeq, call, droppedBefore, prevHash);
        AuditRecord sealed = record.sealed(AuditHash.of(record));
        nextSeq++;
        prevHash = sealed.hash();
        return sealed;
    }

    public String gatewayId() {
        return gatewayId;
    }

    public long nextSeq() {
        return nextSeq;
    }
}
