package io.strongroom.bench.scenario;

import io.strongroom.bench.http.CallResult;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/** BatchGetSecretValue of {@value #BATCH} random secrets of the shared large set. */
public final class BatchGetScenario implements Scenario {
    static final int BATCH = 10;
    private final int setSize;
    private volatile SecretSet secrets;

    public BatchGetScenario(int setSize) {
        this.setSize = setSize;
    }

    @Override
    public String name() {
        return "batch-get";
    }

    @Override
    public String description() {
        return "BatchGetSecretValue of " + BATCH + " secrets out of " + setSize;
    }

    @Override
    public Future<Void> setUp(ScenarioSetup setup) {
        return setup.shared(Scenarios.LARGE_SET, setSize).map(set -> {
            secrets = set;
            return null;
        });
    }

    @Override
    public Future<CallResult> call(long sequence, LaneClients clients) {
        List<String> names = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            names.add(secrets.randomName());
        }
        return clients.region().call("BatchGetSecretValue", Bodies.batchGet(names));
    }
}
