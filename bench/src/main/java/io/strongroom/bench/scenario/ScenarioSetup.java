package io.strongroom.bench.scenario;

import io.strongroom.bench.http.SignedClient;
import io.strongroom.bench.load.LoadPlan;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * What scenarios set up with, unmeasured: a client of the region, the run's settings and the secret
 * sets already created in this run (named sets are shared, so get-cold, describe and batch-get read
 * the same large set, created once).
 */
public final class ScenarioSetup {
    /** Writes driven at max rate size their pools for this many calls per second (wrapping after). */
    public static final int ASSUMED_MAX_WRITE_RATE = 5_000;
    /** Versions each write scenario puts on one secret: half of the 100 a day AWS allows. */
    public static final int VERSIONS_PER_SECRET = 50;
    private static final int SETUP_IN_FLIGHT = 32;
    private static final int SECONDS_BETWEEN_REPLICATED_WRITES = 2;

    private final SignedClient client;
    private final String runId;
    private final int valueSize;
    private final int largeSetSize;
    private final Map<String, Future<SecretSet>> sets = new ConcurrentHashMap<>();
    private final AtomicInteger pools = new AtomicInteger();
    private LoadPlan plan;
    private ReplicaRegion replica;

    /** The replica region a replication scenario writes to and reads from. */
    public record ReplicaRegion(String name, SignedClient client) {}

    public ScenarioSetup(SignedClient client, String runId, int valueSize, int largeSetSize) {
        this.client = client;
        this.runId = runId;
        this.valueSize = valueSize;
        this.largeSetSize = largeSetSize;
    }

    /** The plan of the scenario being set up (write scenarios size their pools from it). */
    public ScenarioSetup forPlan(LoadPlan plan) {
        this.plan = plan;
        return this;
    }

    /** This run also has a replica region (for replication scenarios). */
    public ScenarioSetup withReplica(String region, SignedClient client) {
        this.replica = new ReplicaRegion(region, client);
        return this;
    }

    /** The run's replica region, or null when it has none. */
    public ReplicaRegion replica() {
        return replica;
    }

    public String runId() {
        return runId;
    }

    public SecretValue value() {
        return new SecretValue(valueSize);
    }

    public int largeSetSize() {
        return largeSetSize;
    }

    /** The named set of {@code size} secrets, created on first use and shared afterwards. */
    public Future<SecretSet> shared(String name, int size) {
        return sets.computeIfAbsent(name + "/" + size, key -> create("bench/" + runId + "/" + name + "/", size));
    }

    /**
     * A fresh pool for {@code writeShare} of this plan's calls to write to, {@link #VERSIONS_PER_SECRET}
     * versions on each: at least {@code rate * (warm-up + duration) * share / 50} secrets.
     */
    public Future<SecretSet> writePool(double writeShare) {
        return create("bench/" + runId + "/pool" + pools.incrementAndGet() + "/", poolSize(writeShare));
    }

    /**
     * As {@link #writePool(double)} for every call, each secret created replicated to the replica region, and
     * large enough that a secret is written at most every {@value #SECONDS_BETWEEN_REPLICATED_WRITES} s (its
     * versions are then acknowledged in the order they were written).
     */
    public Future<SecretSet> replicatedWritePool() {
        String prefix = "bench/" + runId + "/replicated" + pools.incrementAndGet() + "/";
        int spaced = plan.openLoop() ? (int) Math.ceil(plan.rate() * SECONDS_BETWEEN_REPLICATED_WRITES)
                : SECONDS_BETWEEN_REPLICATED_WRITES * plan.connections();
        return create(prefix, Math.max(poolSize(1.0), spaced),
                (name, value) -> Bodies.createReplicated(name, value, replica.name()));
    }

    private int poolSize(double writeShare) {
        Long planned = plan.expectedCalls();
        double seconds = (plan.warmup().toNanos() + plan.duration().toNanos()) / 1e9;
        double calls = (planned != null ? planned : ASSUMED_MAX_WRITE_RATE * seconds) * writeShare;
        return (int) Math.max(1, Math.ceil(calls / VERSIONS_PER_SECRET));
    }

    /** Creates {@code prefix0 .. prefix(n-1)}, {@value #SETUP_IN_FLIGHT} at a time; fails on the first error. */
    public Future<SecretSet> create(String prefix, int count) {
        return create(prefix, count, Bodies::create);
    }

    private Future<SecretSet> create(String prefix, int count, BiFunction<String, String, byte[]> body) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        SecretValue value = value();
        AtomicInteger next = new AtomicInteger();
        List<Future<Void>> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(SETUP_IN_FLIGHT, count); w++) {
            Promise<Void> worker = Promise.promise();
            createNext(names, next, value, body, worker);
            workers.add(worker.future());
        }
        return Future.all(workers).map(v -> new SecretSet(names));
    }

    private void createNext(List<String> names, AtomicInteger next, SecretValue value,
            BiFunction<String, String, byte[]> body, Promise<Void> worker) {
        int i = next.getAndIncrement();
        if (i >= names.size()) {
            worker.tryComplete();
            return;
        }
        client.call("CreateSecret", body.apply(names.get(i), value.next())).onComplete(ar -> {
            if (ar.succeeded() && ar.result().ok()) {
                createNext(names, next, value, body, worker);
            } else {
                String code = ar.succeeded() ? ar.result().errorCode() : ar.cause().toString();
                worker.tryFail(new IllegalStateException("setup could not create " + names.get(i) + ": " + code));
            }
        });
    }
}
