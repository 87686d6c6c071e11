package io.strongroom.bench.scenario;

import io.strongroom.bench.http.CallResult;
import io.vertx.core.Future;

/** CreateSecret with a fresh name each call. */
public final class CreateScenario implements Scenario {
    private volatile String prefix;
    private volatile SecretValue value;

    @Override
    public String name() {
        return "create";
    }

    @Override
    public String description() {
        return "CreateSecret with fresh names";
    }

    @Override
    public Future<Void> setUp(ScenarioSetup setup) {
        prefix = "bench/" + setup.runId() + "/created" + System.nanoTime() + "/";
        value = setup.value();
        return Future.succeededFuture();
    }

    @Override
    public Future<CallResult> call(long sequence, LaneClients clients) {
        return clients.region().call("CreateSecret", Bodies.create(prefix + sequence, value.next()));
    }
}
