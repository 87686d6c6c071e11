package io.strongroom.projection.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.store.StoreException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {
    private final FailurePolicy policy = new FailurePolicy("test");

    @Test
    void retriableKafkaErrorsAreRetried() {
        assertThat(policy.onFailure(new TimeoutException("slow broker"))).isEqualTo(FailurePolicy.Verdict.RETRY);
        assertThat(policy.onFailure(new NotLeaderOrFollowerException("moved"))).isEqualTo(FailurePolicy.Verdict.RETRY);
        assertThat(policy.count(FailurePolicy.Kind.KAFKA_RETRIABLE)).isEqualTo(2);
    }

    @Test
    void storeDecodeApplyAndFatalKafkaFailuresStopTheInstance() {
        assertThat(FailurePolicy.classify(new StoreException("disk", null))).isEqualTo(FailurePolicy.Kind.STORE);
        assertThat(FailurePolicy.classify(new MalformedRecordException("events", 0, 1, "no value")))
                .isEqualTo(FailurePolicy.Kind.DECODE);
        assertThat(FailurePolicy.classify(new AuthorizationException("denied")))
                .isEqualTo(FailurePolicy.Kind.KAFKA_FATAL);
        assertThat(FailurePolicy.classify(new KafkaException("broken"))).isEqualTo(FailurePolicy.Kind.KAFKA_FATAL);
        assertThat(FailurePolicy.classify(new IllegalStateException("log contradicts state")))
                .isEqualTo(FailurePolicy.Kind.APPLY);
        for (FailurePolicy.Kind kind : FailurePolicy.Kind.values()) {
            if (kind != FailurePolicy.Kind.KAFKA_RETRIABLE) {
                assertThat(kind.verdict()).isEqualTo(FailurePolicy.Verdict.STOP);
            }
        }
    }
}
