package io.strongroom.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.codec.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00.123456Z");

    private static AuditCall call(int n) {
        return new AuditCall(T0.plusSeconds(n), "req-" + n, "GetSecretValue", "111122223333", "AKIATEST",
                "arn:aws:iam::111122223333:user/tester", "arn:aws:secretsmanager:us-east-1:111122223333:secret:s-AbCdEf",
                AuditOutcome.SUCCESS, null, 200, "127.0.0.1");
    }

    private static List<AuditRecord> chainOf(int count) {
        AuditChain chain = AuditChain.start("gw-1");
        List<AuditRecord> records = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            records.add(chain.append(call(n), 0));
        }
        return records;
    }

    private static ChainVerifier.Report verify(List<AuditRecord> records) {
        ChainVerifier verifier = new ChainVerifier("gw-1");
        records.forEach(verifier::accept);
        return verifier.report();
    }

    @Test
    void appendedRecordsAreNumberedFromZeroAndLinkedEachToThePreviousHash() {
        List<AuditRecord> records = chainOf(3);

        assertThat(records).extracting(AuditRecord::seq).containsExactly(0L, 1L, 2L);
        assertThat(records.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(records.get(1).prevHash()).isEqualTo(records.get(0).hash());
        assertThat(records.get(2).prevHash()).isEqualTo(records.get(1).hash());
        assertThat(records.get(0).hash()).hasSize(64).isNotEqualTo(records.get(1).hash());
    }

    @Test
    void anIntactChainVerifiesWithItsCountAndTimes() {
        ChainVerifier.Report report = verify(chainOf(5));

        assertThat(report.ok()).isTrue();
        assertThat(report.records()).isEqualTo(5);
        assertThat(report.firstSeq()).isZero();
        assertThat(report.lastSeq()).isEqualTo(4);
        assertThat(report.firstTime()).isEqualTo(T0);
        assertThat(report.lastTime()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    void aRecordSurvivesTheJsonRoundTripOfTheTopicAndStillVerifies() {
        List<AuditRecord> decoded = chainOf(3).stream()
                .map(r -> Json.read(Json.write(r), AuditRecord.class)).toList();

        assertThat(verify(decoded).ok()).isTrue();
        assertThat(new String(Json.write(decoded.get(0)))).contains("\"outcome\":\"success\"");
    }

    @Test
    void anAlteredRecordIsDetectedAtItsSeq() {
        List<AuditRecord> records = chainOf(4);
        AuditRecord original = records.get(2);
        records.set(2, withOutcome(original, AuditOutcome.DENIED, original.hash()));

        ChainVerifier.Report report = verify(records);

        assertThat(report.broken()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(2);
            assertThat(b.reason()).contains("altered");
        });
    }

    @Test
    void anAlteredRecordWhoseHashWasRecomputedBreaksTheNextLink() {
        List<AuditRecord> records = chainOf(4);
        AuditRecord forged = withOutcome(records.get(1), AuditOutcome.DENIED, null);
        records.set(1, forged.sealed(AuditHash.of(forged)));

        ChainVerifier.Report report = verify(records);

        assertThat(report.broken()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(2);
            assertThat(b.reason()).contains("prevHash");
        });
    }

    @Test
    void aRemovedRecordIsDetectedAtTheRecordAfterTheGap() {
        List<AuditRecord> records = chainOf(5);
        records.remove(2);

        ChainVerifier.Report report = verify(records);

        assertThat(report.broken()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.reason()).contains("missing: expected seq 2");
        });
        assertThat(report.records()).isEqualTo(4);
    }

    @Test
    void aReorderedRecordIsDetected() {
        List<AuditRecord> records = chainOf(5);
        Collections.swap(records, 1, 2);

        ChainVerifier.Report report = verify(records);

        assertThat(report.ok()).isFalse();
        assertThat(report.broken().orElseThrow().seq()).isEqualTo(2);
    }

    @Test
    void aResumedChainContinuesTheSequenceAndTheLinks() {
        List<AuditRecord> before = chainOf(3);
        AuditChain resumed = AuditChain.resume("gw-1", before.get(2));
        List<AuditRecord> all = new ArrayList<>(before);
        all.add(resumed.append(call(3), 0));
        all.add(resumed.append(call(4), 0));

        assertThat(all.get(3).seq()).isEqualTo(3);
        assertThat(verify(all).ok()).isTrue();
    }

    @Test
    void aChainWhoseOldestRecordsExpiredVerifiesFromItsFirstKeptRecord() {
        List<AuditRecord> records = chainOf(5).subList(2, 5);

        ChainVerifier.Report report = verify(records);

        assertThat(report.ok()).isTrue();
        assertThat(report.firstSeq()).isEqualTo(2);
    }

    @Test
    void droppedCallsAreCountedInTheChainWithoutBreakingIt() {
        AuditChain chain = AuditChain.start("gw-1");
        List<AuditRecord> records = List.of(chain.append(call(0), 0), chain.append(call(1), 7));

        ChainVerifier.Report report = verify(records);

        assertThat(report.ok()).isTrue();
        assertThat(report.dropped()).isEqualTo(7);
    }

    @Test
    void theTrailVerifierChecksEachGatewaysChainSeparately() {
        AuditChain a = AuditChain.start("gw-a");
        AuditChain b = AuditChain.start("gw-b");
        TrailVerifier trail = new TrailVerifier();
        trail.accept(a.append(call(0), 0));
        trail.accept(b.append(call(1), 0));
        trail.accept(a.append(call(2), 0));
        b.append(call(3), 0);
        trail.accept(b.append(call(4), 0));

        assertThat(trail.reports()).extracting(ChainVerifier.Report::gatewayId).containsExactly("gw-a", "gw-b");
        assertThat(trail.reports()).extracting(ChainVerifier.Report::ok).containsExactly(true, false);
    }

    @Test
    void outcomesFollowTheStatusAndTheErrorCode() {
        assertThat(AuditOutcome.of(200, null)).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(AuditOutcome.of(400, "UnrecognizedClientException")).isEqualTo(AuditOutcome.DENIED);
        assertThat(AuditOutcome.of(400, "AccessDeniedException")).isEqualTo(AuditOutcome.DENIED);
        assertThat(AuditOutcome.of(400, "ValidationException")).isEqualTo(AuditOutcome.ERROR);
        assertThat(AuditOutcome.of(500, "InternalServiceError")).isEqualTo(AuditOutcome.ERROR);
    }

    private static AuditRecord withOutcome(AuditRecord r, AuditOutcome outcome, String hash) {
        return new AuditRecord(r.v(), r.gatewayId(), r.seq(), r.time(), r.requestId(), r.action(), r.account(),
                r.accessKeyId(), r.principalArn(), r.resource(), outcome, r.errorCode(), r.httpStatus(),
                r.sourceAddress(), r.dropped(), r.prevHash(), hash);
    }
}
