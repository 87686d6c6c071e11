package io.strongroom.bench.scenario;

import io.strongroom.bench.http.CallResult;
import io.strongroom.bench.http.SignedClient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;

/**
 * Polls GetSecretValue in a replica region until it answers: a replica not there yet answers
 * ResourceNotFoundException, which is retried after {@code interval} (so the interval is part of the
 * resolution of any latency measured with it); any other error ends the poll as that error, and the
 * deadline as {@value #NOT_REPLICATED}.
 */
final class ReplicaPoll {
    static final String NOT_REPLICATED = "NotReplicated";
    private static final String NOT_THERE_YET = "ResourceNotFoundException";

    private final SignedClient replica;
    private final byte[] body;
    private final long intervalMillis;
    private final long deadlineNanos;
    private final Promise<CallResult> done = Promise.promise();

    private ReplicaPoll(SignedClient replica, byte[] body, Duration interval, long deadlineNanos) {
        this.replica = replica;
        this.body = body;
        this.intervalMillis = Math.max(1, interval.toMillis());
        this.deadlineNanos = deadlineNanos;
    }

    /** Completes with the first successful answer, or the error that ended the poll; never fails. */
    static Future<CallResult> until(SignedClient replica, byte[] getBody, Duration interval, Duration patience) {
        ReplicaPoll poll = new ReplicaPoll(replica, getBody, interval, System.nanoTime() + patience.toNanos());
        poll.attempt();
        return poll.done.future();
    }

    private void attempt() {
        replica.call("GetSecretValue", body).onComplete(ar -> {
            CallResult result = ar.succeeded() ? ar.result() : CallResult.failure("GeneratorError");
            if (result.ok() || !NOT_THERE_YET.equals(result.errorCode())) {
                done.complete(result);
            } else if (System.nanoTime() >= deadlineNanos) {
                done.complete(CallResult.failure(NOT_REPLICATED));
            } else {
                replica.vertx().setTimer(intervalMillis, id -> attempt());
            }
        });
    }
}
