package io.strongroom.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.audit.AuditCall;
import io.strongroom.core.audit.AuditOutcome;
import io.strongroom.kafka.KafkaSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KafkaAuditTrailTest {

    @Test
    void callsBeyondTheQueuesCapacityAreDroppedAndCountedWithoutWaiting() {
        // Not started: nothing drains the queue, so it stays full after its one slot is taken.
        KafkaAuditTrail trail = new KafkaAuditTrail(KafkaSettings.of("127.0.0.1:1"), "audit", "gw-1", 1);
        AuditCall call = new AuditCall(Instant.EPOCH, "r", "ListSecrets", "-", null, null, null,
                AuditOutcome.ERROR, "UnrecognizedClientException", 400, "127.0.0.1");

        trail.record(call);
        trail.record(call);
        trail.record(call);

        assertThat(trail.dropped()).isEqualTo(2);
    }

    @Test
    void aGatewayAlwaysWritesToTheSamePartition() {
        assertThat(AuditPartition.of("gateway-a", 8)).isEqualTo(AuditPartition.of("gateway-a", 8)).isBetween(0, 7);
    }
}
