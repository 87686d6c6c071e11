package io.strongroom.bench.scenario;

import io.strongroom.bench.http.CallResult;
import io.strongroom.bench.load.LatencyRecorder;
import io.strongroom.bench.load.LoadPlan;
import io.strongroom.bench.report.ScenarioResult;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Replication lag: each call is a PutSecretValue (fresh ClientRequestToken = the new version's id) in the
 * primary region, then GetSecretValue(VersionId) polled in the replica region every {@link #POLL_INTERVAL}
 * until it returns that version. The call's own row is intended send → readable in the replica; its parts
 * are the lag proper (write acknowledged → readable in the replica, windowed by acknowledgement) and the
 * write (sent → acknowledged). The poll interval bounds the lag's resolution. Set-up (unmeasured) creates
 * the secrets with AddReplicaRegions and waits until each is readable in the replica.
 */
public final class ReplicationLagScenario implements Scenario {
    public static final String NAME = "replication-lag";
    static final Duration POLL_INTERVAL = Duration.ofMillis(5);
    /** A version not readable in the replica by then counts as {@value ReplicaPoll#NOT_REPLICATED}. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration SETUP_POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration SETUP_PATIENCE = Duration.ofMinutes(5);

    private volatile SecretSet pool;
    private volatile SecretValue value;
    private volatile String replicaRegion = "the replica region";
    private volatile LatencyRecorder lag;
    private volatile LatencyRecorder write;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "PutSecretValue in the primary, then GetSecretValue(VersionId) polled every " + POLL_INTERVAL.toMillis()
                + " ms in " + replicaRegion + " until readable";
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
            List<Future<CallResult>> readable = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                readable.add(ReplicaPoll.until(replica.client(), Bodies.secretId(set.name(i)), SETUP_POLL_INTERVAL,
                        SETUP_PATIENCE));
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
            return ReplicaPoll.until(clients.replica(), Bodies.getVersion(name, versionId), POLL_INTERVAL, PATIENCE)
                    .map(read -> {
                        record(lagNow, acknowledged, System.nanoTime(), read.errorCode());
                        return read;
                    });
        });
    }

    @Override
    public List<ScenarioResult> parts(LoadPlan plan) {
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
