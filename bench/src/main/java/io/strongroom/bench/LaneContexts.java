package io.strongroom.bench;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** One event-loop context per load generator lane: the contexts of as many deployed (empty) verticle instances. */
final class LaneContexts {
    private LaneContexts() {}

    static List<Context> create(Vertx vertx, int lanes) {
        List<Context> contexts = new CopyOnWriteArrayList<>();
        try {
            vertx.deployVerticle(() -> new VerticleBase() {
                @Override
                public Future<?> start() {
                    contexts.add(context);
                    return Future.succeededFuture();
                }
            }, new DeploymentOptions().setInstances(lanes)).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the load generator's event loops: " + e, e);
        }
        return List.copyOf(contexts);
    }
}
