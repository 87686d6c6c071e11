package io.strongroom.bench.scenario;

import io.strongroom.bench.http.CallResult;
import io.vertx.core.Future;

/**
 * The ceiling reference: the same signed GetSecretValue call, answered by the fixed-body server of
 * {@link io.strongroom.bench.ceiling.CeilingServer} instead of Strongroom.
 */
public final class CeilingScenario implements Scenario {
    private static final byte[] BODY = Bodies.secretId("bench/ceiling");

    @Override
    public String name() {
        return Scenarios.CEILING;
    }

    @Override
    public String description() {
        return "GetSecretValue answered with a fixed body by a bare Vert.x server";
    }

    @Override
    public Future<CallResult> call(long sequence, LaneClients clients) {
        return clients.ceiling().call("GetSecretValue", BODY);
    }
}
