package io.strongroom.bench.scenario;

import io.strongroom.bench.http.CallResult;
import io.strongroom.bench.load.LatencyRecorder;
import io.strongroom.bench.load.LoadPlan;
import io.strongroom.bench.report.ScenarioResult;
import io.strongroom.bench.http.SignedClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

/**
 * Replication lag: each call is a PutSecretValue (fresh ClientRequestToken = the new version's id) in the
 * primary region, then the replica region is watched every {@link #POLL_INTERVAL} ({@link ReplicaWatch}:
 * batched reads of the current versions, so polling costs the replica the same whatever the lag) until that
 * version is readable there. The call's own row is intended send → readable in the replica; its parts are the
 * lag proper (write acknowledged → readable in the replica, windowed by acknowledgement) and the write (sent →
 * acknowledged). The poll interval plus a round trip bounds the lag's resolution. Set-up (unmeasured) creates
 * the secrets with AddReplicaRegions and waits until each is readable in the replica.
 */
public final class ReplicationLagScenario implements Scenario {
    public static final String NAME = "replication-lag";
    static final Duration POLL_INTERVAL = Duration.ofMillis(5);
    /** A version not readable in the replica by then counts as {@value ReplicaWatch#NOT_REPLICATED}. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration SETUP_POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration SETUP_PATIENCE = Duration.ofMinutes(5);

    private volatile SecretSet pool;
    private volatile SecretValue value;
    private volatile String replicaRegion = "the replica region";
    private volatile LatencyRecorder lag;
    private volatile LatencyRecorder write;
    /** One watch per lane (per lane's replica client), on that lane's event loop. */
    private final Map<SignedClient, ReplicaWatch> watches = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "PutSecretValue in the primary, then the replica's current versions polled every " + POLL_INTERVAL.toMillis()
                + " ms (BatchGetSecretValue) until that version is readable";
    }

    @Override
    public Future<Void> setUp(ScenarioSetup setup) {
        ScenarioSetup.ReplicaRegion replica = setup.replica();
        if (replica == null) {
            return Future.failedFuture(NAME + " needs a replica region (--replica-endpoint, or --dev)");
        }
        replicaRegion = replica.name();
        value = setup.value();
        return setup.replicatedWritePool().compose(set -> {
            ReplicaWatch watch = new ReplicaWatch(replica.client(), replica.client().vertx().getOrCreateContext(),
                    SETUP_POLL_INTERVAL, SETUP_PATIENCE);
            List<Future<CallResult>> readable = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                readable.add(watch.readable(set.name(i), null));
            }
            return Future.all(readable).compose(all -> {
                for (Future<CallResult> answer : readable) {
                    if (!answer.result().ok()) {
                        return Future.failedFuture("a secret of " + NAME + " did not become readable in "
                                + replica.name() + ": " + answer.result().errorCode());
                    }
                }
                pool = set;
                return Future.succeededFuture();
            });
        });
    }

    @Override
    public void measuring(long windowStartNanos, long windowEndNanos) {
        lag = new LatencyRecorder(windowStartNanos, windowEndNanos);
        write = new LatencyRecorder(windowStartNanos, windowEndNanos);
    }

    @Override
    public Future<CallResult> call(long sequence, LaneClients clients) {
        String name = pool.roundRobin(sequence);
        String versionId = UUID.randomUUID().toString();
        LatencyRecorder lagNow = lag;
        LatencyRecorder writeNow = write;
        long sent = System.nanoTime();
        return clients.region().call("PutSecretValue", Bodies.put(name, value.next(), versionId)).compose(put -> {
            long acknowledged = System.nanoTime();
            record(writeNow, sent, acknowledged, put.errorCode());
            if (!put.ok()) {
                return Future.succeededFuture(put);
            }
            return watches.computeIfAbsent(clients.replica(),
                            replica -> new ReplicaWatch(replica, Vertx.currentContext(), POLL_INTERVAL, PATIENCE))
                    .readable(name, versionId).map(read -> {
                        record(lagNow, acknowledged, System.nanoTime(), read.errorCode());
                        return read;
                    });
        });
    }

    @Override
    public List<ScenarioResult> parts(LoadPlan plan) {
        synchronized (lag) {
            synchronized (write) {
                return rows(plan);
            }
        }
    }

    private List<ScenarioResult> rows(LoadPlan plan) {
        return List.of(
                ScenarioResult.of(NAME + ":ack→readable", "the lag: PutSecretValue acknowledged in the primary → that"
                        + " version readable in " + replicaRegion + " (polled every " + POLL_INTERVAL.toMillis() + " ms)",
                        plan, lag),
                ScenarioResult.of(NAME + ":write", "the PutSecretValue alone: sent → acknowledged by the primary",
                        plan, write));
    }

    /** Lanes record concurrently into the scenario's own recorders. */
    private static void record(LatencyRecorder recorder, long fromNanos, long toNanos, String errorCode) {
        if (recorder == null) {
            return;
        }
        synchronized (recorder) {
            recorder.record(fromNanos, toNanos, errorCode);
        }
    }
}
