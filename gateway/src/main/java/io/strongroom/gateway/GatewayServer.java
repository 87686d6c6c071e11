package io.strongroom.gateway;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.strongroom.gateway.audit.AuditSink;
import io.strongroom.gateway.audit.CallAuditor;
import io.strongroom.gateway.operations.CommandSubmitter;
import io.strongroom.gateway.operations.OperationContext;
import io.strongroom.gateway.operations.Operations;
import io.strongroom.gateway.operations.SecretValues;
import io.strongroom.gateway.protocol.AwsJsonHandler;
import io.strongroom.gateway.protocol.ResponseWriter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway component: an HTTP server speaking the Secrets Manager API (AWS JSON 1.1). It has no
 * state of its own; it authenticates, validates, encrypts values, appends commands through the
 * {@link io.strongroom.gateway.commands.CommandBus} and reads through the serving projections.
 *
 * <p>Lifecycle: {@link #start()} binds and returns once listening; {@link #stop()} closes the
 * server (and the Vert.x instance, if this server created it). Not restartable.
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private final GatewayConfig config;
    private final Vertx vertx;
    private final boolean ownsVertx;
    private EventLoopServers servers;

    /** A gateway with its own Vert.x instance. */
    public GatewayServer(GatewayConfig config) {
        this(Vertx.vertx(), config, true);
    }

    /** A gateway on a shared Vert.x instance, which {@link #stop()} leaves open. */
    public GatewayServer(Vertx vertx, GatewayConfig config) {
        this(vertx, config, false);
    }

    private GatewayServer(Vertx vertx, GatewayConfig config, boolean ownsVertx) {
        this.config = config;
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
    }

    public synchronized void start() {
        if (servers != null) {
            throw new IllegalStateException("gateway already started");
        }
        OperationContext context = new OperationContext(config.region(), config.clock(), config.projections(),
                config.peerRegions());
        Operations operations = Operations.standard(context,
                new CommandSubmitter(context, config.commandBus(), config.timeout()),
                new SecretValues(config.cipher()));
        AwsJsonHandler handler = new AwsJsonHandler(operations, config.authenticator(), config.readiness(),
                config.maxRequestBytes(), new ResponseWriter(config.clock()),
                new CallAuditor(config.audit(), config.clock()), metrics(config.audit())::scrape);
        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setHandle100ContinueAutomatically(true)
                // no WebSockets here: without these Vert.x puts a WebSocket extension handler in every
                // connection's pipeline, which inspected every request and response (~9% of a read's event-loop time)
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false);
        if (config.tls() != null) {
            config.tls().applyTo(options);
        }
        try {
            servers = EventLoopServers.start(vertx, options, handler, config.eventLoops());
        } catch (Exception e) {
            throw new IllegalStateException("cannot bind the gateway to " + config.host() + ":" + config.port()
                    + ": " + e, e);
        }
        LOG.info("gateway for region {} listening on {} with {} event loops (operations {})", config.region(),
                endpoint(), config.eventLoops(), operations.names());
    }

    /** What {@code GET /metrics} exposes: the audit trail's dropped and failed records. */
    private static PrometheusMeterRegistry metrics(AuditSink audit) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FunctionCounter.builder("strongroom.audit.records.dropped", audit, AuditSink::dropped)
                .description("API calls not audited because the audit queue was full").register(registry);
        FunctionCounter.builder("strongroom.audit.records.failed", audit, AuditSink::failed)
                .description("audit records Kafka did not acknowledge").register(registry);
        return registry;
    }

    /** The bound port (the real one when the configured port was 0). */
    public synchronized int actualPort() {
        if (servers == null) {
            throw new IllegalStateException("gateway not started");
        }
        return servers.port();
    }

    /** The endpoint clients use, e.g. {@code http://127.0.0.1:4566} ({@code https} with TLS). */
    public URI endpoint() {
        return URI.create((config.tls() == null ? "http" : "https") + "://" + hostForUri(config.host()) + ":" + actualPort());
    }

    public synchronized void stop() {
        if (servers != null) {
            try {
                servers.close();
            } catch (Exception e) {
                LOG.warn("gateway did not close cleanly: {}", e.toString());
            }
            LOG.info("gateway on port {} stopped", servers.port());
            servers = null;
        }
        if (ownsVertx) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("gateway's Vert.x did not close cleanly: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
