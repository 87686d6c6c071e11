package io.strongroom.bench.scenario;

import io.strongroom.bench.http.CallResult;
import io.strongroom.bench.load.LoadPlan;
import io.strongroom.bench.report.ScenarioResult;
import io.vertx.core.Future;
import java.util.List;

/**
 * One benchmark scenario: what it sets up (unmeasured) and what one measured call is. A call may be
 * compound: its latency is from the intended send time to the completion of the returned future (a
 * replication-lag scenario would write through one endpoint and poll another until the version is
 * readable). Calls run concurrently on several lanes, so any state a scenario keeps is thread-safe.
 */
public interface Scenario {

    String name();

    /** What one call does, for the report (e.g. {@code GetSecretValue over 10 secrets}). */
    String description();

    /** Creates what the calls read or write; not measured. */
    default Future<Void> setUp(ScenarioSetup setup) {
        return Future.succeededFuture();
    }

    /** Call number {@code sequence} (unique across lanes, from 0). Never fails: errors are results. */
    Future<CallResult> call(long sequence, LaneClients clients);

    /**
     * Before the first call of a run: its measurement window (System.nanoTime()), for a scenario that
     * measures parts of its compound calls itself.
     */
    default void measuring(long windowStartNanos, long windowEndNanos) {
    }

    /** After a run: rows for the parts of a compound call (e.g. the write alone), reported below its own row. */
    default List<ScenarioResult> parts(LoadPlan plan) {
        return List.of();
    }
}
