package io.strongroom.gateway;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One port served by several HTTP server instances, each on an event loop of its own; Vert.x spreads
 * the accepted connections over them. The handler is shared by every instance, so it must be
 * thread-safe.
 *
 * <p>Port 0 means one ephemeral port for all of them (not one each).
 */
public final class EventLoopServers {
    private static final long TIMEOUT_SECONDS = 30;
    private static final AtomicInteger NEXT_EPHEMERAL = new AtomicInteger(-1);

    private final Vertx vertx;
    private final String deployment;
    private final int port;

    private EventLoopServers(Vertx vertx, String deployment, int port) {
        this.vertx = vertx;
        this.deployment = deployment;
        this.port = port;
    }

    /**
     * Binds {@code instances} servers; returns once all listen.
     *
     * @throws Exception the bind failure (e.g. the port is taken); Vert.x undeploys what had started
     */
    public static EventLoopServers start(Vertx vertx, HttpServerOptions options,
            Handler<HttpServerRequest> handler, int instances) throws Exception {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be positive: " + instances);
        }
        // Servers of one Vert.x on the same port share it. For an ephemeral port, each start takes a negative
        // port of its own: Vert.x gives the servers naming it one random port (with 0, each instance would get
        // a random port of its own, and all but one would idle).
        HttpServerOptions shared = options.getPort() != 0 ? options
                : new HttpServerOptions(options).setPort(NEXT_EPHEMERAL.getAndDecrement());
        List<Instance> started = new CopyOnWriteArrayList<>();
        String deployment = vertx.deployVerticle(() -> {
            Instance instance = new Instance(shared, handler);
            started.add(instance);
            return instance;
        }, new DeploymentOptions().setInstances(instances)).await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return new EventLoopServers(vertx, deployment, started.get(0).server.actualPort());
    }

    /** The port every instance listens on. */
    public int port() {
        return port;
    }

    /** Closes every instance's server (by undeploying it). */
    public void close() throws Exception {
        vertx.undeploy(deployment).await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** One server instance, on the event loop of its own deployment context. */
    private static final class Instance extends VerticleBase {
        private final HttpServerOptions options;
        private final Handler<HttpServerRequest> handler;
        private volatile HttpServer server;

        Instance(HttpServerOptions options, Handler<HttpServerRequest> handler) {
            this.options = options;
            this.handler = handler;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(options).requestHandler(handler).listen().onSuccess(s -> server = s);
        }
    }
}
