package io.strongroom.bench.scenario;

import io.strongroom.bench.http.CallResult;
import io.strongroom.bench.http.SignedClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches a replica region for versions written in the primary, at a cost that does not grow with the
 * lag: every {@code interval} (once the previous round has answered) one BatchGetSecretValue per 20
 * secrets with versions still awaited asks the replica for each one's current version. A replica applies
 * a secret's changes in order, so its current version being the k-th awaited one makes the first k
 * readable. The interval plus a round trip is the resolution of what is measured with it. Everything
 * runs on one context (a load generator lane's event loop).
 */
final class ReplicaWatch {
    static final String NOT_REPLICATED = "NotReplicated";
    static final int BATCH = 20;
    private static final CallResult READABLE = new CallResult(200, null, io.vertx.core.buffer.Buffer.buffer());

    private final SignedClient replica;
    private final Context context;
    private final long intervalMillis;
    private final long patienceNanos;
    /** Per secret, the versions awaited, oldest first; a null version waits for the secret to exist at all. */
    private final Map<String, ArrayDeque<Awaited>> awaited = new LinkedHashMap<>();
    private boolean scheduled;

    private record Awaited(String versionId, long sinceNanos, Promise<CallResult> readable) {}

    ReplicaWatch(SignedClient replica, Context context, Duration interval, Duration patience) {
        this.replica = replica;
        this.context = context;
        this.intervalMillis = Math.max(1, interval.toMillis());
        this.patienceNanos = patience.toNanos();
    }

    /**
     * Completes (never fails) once {@code versionId} of {@code name} (any version when null) is the current
     * version in the replica or older than it, or with {@value #NOT_REPLICATED} after the patience.
     */
    Future<CallResult> readable(String name, String versionId) {
        Promise<CallResult> readable = Promise.promise();
        context.runOnContext(v -> {
            awaited.computeIfAbsent(name, n -> new ArrayDeque<>()).add(new Awaited(versionId, System.nanoTime(), readable));
            schedule();
        });
        return readable.future();
    }

    private void schedule() {
        if (!scheduled && !awaited.isEmpty()) {
            scheduled = true;
            context.owner().setTimer(intervalMillis, id -> round());
        }
    }

    /** One round: a batch per 20 awaited secrets, all in flight together; the next round after the last answer. */
    private void round() {
        List<String> names = new ArrayList<>(awaited.keySet());
        List<Future<?>> batches = new ArrayList<>();
        for (int from = 0; from < names.size(); from += BATCH) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + BATCH));
            batches.add(replica.call("BatchGetSecretValue", Bodies.batchGet(batch)).onSuccess(answer -> {
                if (answer.ok()) {
                    Bodies.currentVersions(answer.body().getBytes()).forEach(this::current);
                }
            }));
        }
        Future.join(batches).onComplete(done -> {
            expire(System.nanoTime());
            scheduled = false;
            schedule();
        });
    }

    /** The replica's current version of {@code name}: it and every version awaited before it are readable. */
    private void current(String name, String versionId) {
        ArrayDeque<Awaited> versions = awaited.get(name);
        if (versions == null) {
            return;
        }
        int upTo = -1;
        int i = 0;
        for (Awaited a : versions) {
            if (a.versionId() == null || a.versionId().equals(versionId)) {
                upTo = i;
            }
            i++;
        }
        for (int k = 0; k <= upTo; k++) {
            versions.poll().readable().complete(READABLE);
        }
        if (versions.isEmpty()) {
            awaited.remove(name);
        }
    }

    private void expire(long now) {
        for (Iterator<ArrayDeque<Awaited>> it = awaited.values().iterator(); it.hasNext(); ) {
            ArrayDeque<Awaited> versions = it.next();
            while (!versions.isEmpty() && now - versions.peek().sinceNanos() > patienceNanos) {
                versions.poll().readable().complete(CallResult.failure(NOT_REPLICATED));
            }
            if (versions.isEmpty()) {
                it.remove();
            }
        }
    }
}
