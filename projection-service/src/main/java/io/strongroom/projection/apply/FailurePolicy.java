package io.strongroom.projection.apply;

import io.strongroom.store.StoreException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides what a failure of the apply loop means (Debezium's choke point): a
 * retriable Kafka error is logged and the loop rewinds to its stored offsets and carries on; anything
 * else (the store failed, a record cannot be decoded, the log contradicts the state, a fatal Kafka
 * error) stops the instance, which then reports not serving. Each class of failure gets a counter and
 * one log line; the message of every exception reaching here names positions and ids, never values.
 */
public final class FailurePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(FailurePolicy.class);

    public enum Verdict { RETRY, STOP }

    /** The classes of failure, each with its verdict. */
    public enum Kind {
        KAFKA_RETRIABLE(Verdict.RETRY),
        KAFKA_FATAL(Verdict.STOP),
        STORE(Verdict.STOP),
        DECODE(Verdict.STOP),
        APPLY(Verdict.STOP);

        private final Verdict verdict;

        Kind(Verdict verdict) {
            this.verdict = verdict;
        }

        public Verdict verdict() {
            return verdict;
        }
    }

    private final String instanceId;
    private final Map<Kind, LongAdder> counts = new ConcurrentHashMap<>();

    public FailurePolicy(String instanceId) {
        this.instanceId = instanceId;
    }

    public static Kind classify(Throwable failure) {
        if (failure instanceof RetriableException) {
            return Kind.KAFKA_RETRIABLE;
        }
        if (failure instanceof StoreException) {
            return Kind.STORE;
        }
        if (failure instanceof MalformedRecordException) {
            return Kind.DECODE;
        }
        if (failure instanceof KafkaException) {
            return Kind.KAFKA_FATAL;
        }
        return Kind.APPLY;
    }

    /** Classifies, counts and logs a failure; returns what the loop must do. */
    Verdict onFailure(Throwable failure) {
        Kind kind = classify(failure);
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (kind.verdict() == Verdict.RETRY) {
            LOG.warn("projection {} retrying after {} failure: {}", instanceId, kind, failure.toString());
        } else {
            LOG.error("projection {} stopped by {} failure: {}", instanceId, kind, failure.toString());
            LOG.debug("projection {} failure detail", instanceId, failure);
        }
        return kind.verdict();
    }

    public long count(Kind kind) {
        LongAdder count = counts.get(kind);
        return count == null ? 0 : count.sum();
    }
}
