package io.strongroom.bench.scenario;

import io.strongroom.bench.http.CallResult;
import io.vertx.core.Future;

/**
 * ListSecrets pages of {@value #PAGE} over the account (the shared large set at least), each call
 * continuing from the last page's NextToken and starting over after the last page.
 */
public final class ListScenario implements Scenario {
    static final int PAGE = 100;
    private final int setSize;
    private volatile String nextToken;

    public ListScenario(int setSize) {
        this.setSize = setSize;
    }

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String description() {
        return "ListSecrets pages of " + PAGE + " (" + setSize + "+ secrets)";
    }

    @Override
    public Future<Void> setUp(ScenarioSetup setup) {
        return setup.shared(Scenarios.LARGE_SET, setSize).mapEmpty();
    }

    @Override
    public Future<CallResult> call(long sequence, LaneClients clients) {
        return clients.region().call("ListSecrets", Bodies.listSecrets(PAGE, nextToken)).map(result -> {
            if (result.ok()) {
                nextToken = Bodies.nextToken(result.body().getBytes());
            }
            return result;
        });
    }
}
