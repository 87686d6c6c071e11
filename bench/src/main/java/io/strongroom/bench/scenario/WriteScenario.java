package io.strongroom.bench.scenario;

import io.strongroom.bench.http.CallResult;
import io.vertx.core.Future;

/**
 * Writes, optionally mixed with reads: every {@code readsPerWrite + 1}-th call is a PutSecretValue
 * on a fresh pool of secrets (round robin, so each gets at most {@link ScenarioSetup#VERSIONS_PER_SECRET}
 * versions), the others GetSecretValue of the shared large set. An acknowledged put is readable:
 * the gateway answers once every serving projection has applied it.
 */
public final class WriteScenario implements Scenario {
    private final String name;
    private final int readsPerWrite;
    private final int setSize;
    private volatile SecretSet pool;
    private volatile SecretSet reads;
    private volatile SecretValue value;

    private WriteScenario(String name, int readsPerWrite, int setSize) {
        this.name = name;
        this.readsPerWrite = readsPerWrite;
        this.setSize = setSize;
    }

    public static WriteScenario puts() {
        return new WriteScenario("put", 0, 0);
    }

    /** 90% GetSecretValue, 10% PutSecretValue. */
    public static WriteScenario mixed(int setSize) {
        return new WriteScenario("mixed", 9, setSize);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return readsPerWrite == 0 ? "PutSecretValue over fresh secrets"
                : "GetSecretValue over " + setSize + " secrets, every " + (readsPerWrite + 1) + "th call a PutSecretValue";
    }

    @Override
    public Future<Void> setUp(ScenarioSetup setup) {
        value = setup.value();
        Future<SecretSet> read = readsPerWrite == 0 ? Future.succeededFuture() : setup.shared(Scenarios.LARGE_SET, setSize);
        return read.compose(set -> {
            reads = set;
            return setup.writePool(1.0 / (readsPerWrite + 1));
        }).map(set -> {
            pool = set;
            return null;
        });
    }

    @Override
    public Future<CallResult> call(long sequence, LaneClients clients) {
        long writes = sequence / (readsPerWrite + 1);
        if (sequence % (readsPerWrite + 1) != 0) {
            return clients.region().call("GetSecretValue", reads.randomIdBody());
        }
        return clients.region().call("PutSecretValue", Bodies.put(pool.roundRobin(writes), value.next()));
    }
}
