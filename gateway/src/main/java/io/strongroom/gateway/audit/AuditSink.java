package io.strongroom.gateway.audit;

import io.strongroom.core.audit.AuditCall;

/**
 * Where the gateway hands each answered call's audit record. {@link #record} is called on an event
 * loop for every answer, so it must never block: an implementation queues and returns.
 */
public interface AuditSink {

    /** Takes the call for the trail, or drops and counts it when the trail cannot keep up. */
    void record(AuditCall call);

    /** Calls dropped so far because the trail's queue was full. */
    long dropped();

    /** Records handed to Kafka that it never acknowledged (they leave a gap in the chain). */
    long failed();

    /** Keeps nothing: for gateways under unit test that have no Kafka. */
    AuditSink DISCARD = new AuditSink() {
        @Override
        public void record(AuditCall call) {}

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public long failed() {
            return 0;
        }
    };
}
