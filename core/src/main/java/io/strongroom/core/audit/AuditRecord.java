package io.strongroom.core.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One record on {@code strongroom.audit}: an {@link AuditCall} plus its place in its gateway's hash
 * chain. {@code hash = SHA-256(prevHash || canonical bytes)} where the canonical bytes cover every
 * other field (see {@link #canonicalFields()}), so changing any of them, or removing or moving a
 * record, breaks a link.
 *
 * @param v the record format version
 * @param gatewayId the gateway instance whose chain this record belongs to (stable across its restarts)
 * @param seq the record's position in that chain, from 0, without gaps
 * @param dropped how many calls this gateway could not queue for the audit trail just before this
 *     record (queue full); they are counted here so that a gap in the trail is itself on the record
 * @param prevHash the previous record's hash in hex; {@link AuditChain#GENESIS} for the first
 * @param hash this record's hash in hex
 */
@JsonPropertyOrder({"v", "gatewayId", "seq", "time", "requestId", "action", "account", "accessKeyId", "principalArn",
        "resource", "outcome", "errorCode", "httpStatus", "sourceAddress", "dropped", "prevHash", "hash"})
public record AuditRecord(
        int v,
        String gatewayId,
        long seq,
        Instant time,
        String requestId,
        String action,
        String account,
        String accessKeyId,
        String principalArn,
        String resource,
        AuditOutcome outcome,
        String errorCode,
        int httpStatus,
        String sourceAddress,
        long dropped,
        String prevHash,
        String hash) {

    public static final int VERSION = 1;

    static AuditRecord unsealed(String gatewayId, long seq, AuditCall call, long dropped, String prevHash) {
        return new AuditRecord(VERSION, gatewayId, seq, call.time(), call.requestId(), call.action(), call.account(),
                call.accessKeyId(), call.principalArn(), call.resource(), call.outcome(), call.errorCode(),
                call.httpStatus(), call.sourceAddress(), dropped, prevHash, null);
    }

    AuditRecord sealed(String hash) {
        return new AuditRecord(v, gatewayId, seq, time, requestId, action, account, accessKeyId, principalArn,
                resource, outcome, errorCode, httpStatus, sourceAddress, dropped, prevHash, hash);
    }

    /**
     * Every field but {@code hash}, in a fixed order; hashed as a JSON array (nulls as {@code null}),
     * which is unambiguous where plain concatenation would not be.
     */
    @JsonIgnore
    List<Object> canonicalFields() {
        return Arrays.asList(v, gatewayId, seq, time == null ? null : time.toString(), requestId, action, account,
                accessKeyId, principalArn, resource, outcome == null ? null : outcome.wire(), errorCode, httpStatus,
                sourceAddress, dropped, prevHash);
    }
}
