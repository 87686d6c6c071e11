package io.strongroom.bench.scenario;

import io.strongroom.bench.http.CallResult;
import io.vertx.core.Future;

/** A single-secret read ({@code GetSecretValue} or {@code DescribeSecret}) of a random secret of a shared set. */
public final class ReadScenario implements Scenario {
    private final String name;
    private final String operation;
    private final String setName;
    private final int setSize;
    private volatile SecretSet secrets;

    public ReadScenario(String name, String operation, String setName, int setSize) {
        this.name = name;
        this.operation = operation;
        this.setName = setName;
        this.setSize = setSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return operation + " over " + setSize + " secrets";
    }

    @Override
    public Future<Void> setUp(ScenarioSetup setup) {
        return setup.shared(setName, setSize).map(set -> {
            secrets = set;
            return null;
        });
    }

    @Override
    public Future<CallResult> call(long sequence, LaneClients clients) {
        return clients.region().call(operation, secrets.randomIdBody());
    }
}
