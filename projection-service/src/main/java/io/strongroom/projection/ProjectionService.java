package io.strongroom.projection;

import io.strongroom.core.query.ReadModel;
import io.strongroom.projection.access.AccessFeed;
import io.strongroom.projection.access.AccessPublisher;
import io.strongroom.projection.apply.CatchUpBarriers;
import io.strongroom.projection.apply.FailurePolicy;
import io.strongroom.projection.apply.ProjectionLoop;
import io.strongroom.projection.client.InternalApi;
import io.strongroom.projection.http.ProjectionHttpServer;
import io.strongroom.projection.query.LocalReadModel;
import io.strongroom.projection.query.OutcomeWaiters;
import io.strongroom.store.SecretStore;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One projection instance: the whole read model of its region in its own RocksDB, kept by one apply
 * thread ({@link ProjectionLoop}) and answered through {@link #readModel()} and, if configured, the
 * internal HTTP API. It serves only once it has applied everything up to the end offsets it saw at
 * start-up, and stops serving for good if its loop meets a fatal failure.
 *
 * <p>One-shot: after {@link #stop()} build a new instance over the same data directory to restart; it
 * resumes from the offsets recorded in the store.
 */
public final class ProjectionService {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionService.class);
    private static final long WAIT_SECONDS = 30;

    private final ProjectionConfig config;
    private final Clock clock;
    private final Vertx sharedVertx;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.NEW);
    private SecretStore store;
    private OutcomeWaiters waiters;
    private final CatchUpBarriers barriers = new CatchUpBarriers();
    private final AtomicBoolean laggingReported = new AtomicBoolean();
    private LocalReadModel readModel;
    private AccessPublisher accessPublisher;
    private AccessFeed accessFeed;
    private Thread accessThread;
    private ProjectionLoop loop;
    private Thread thread;
    private Vertx ownVertx;
    private ProjectionHttpServer http;
    private int httpPort = -1;

    public ProjectionService(ProjectionConfig config) {
        this(config, null, Clock.systemUTC());
    }

    /** @param vertx the Vert.x instance to serve HTTP on (shared in dev mode); null to create one if needed */
    public ProjectionService(ProjectionConfig config, Vertx vertx, Clock clock) {
        this.config = config;
        this.sharedVertx = vertx;
        this.clock = clock;
    }

    /** Opens the store, starts the apply thread and, if configured, binds the HTTP API; returns before catching up. */
    public synchronized void start() {
        if (!move(Phase.CATCHING_UP)) {
            throw new IllegalStateException("projection " + config.instanceId() + " is " + phase.get());
        }
        try {
            store = SecretStore.open(config.dataDir());
            waiters = new OutcomeWaiters(clock);
            accessPublisher = AccessPublisher.create(store, config.kafka(), config.topics().access(), config.instanceId());
            readModel = new LocalReadModel(config.region(), store, waiters, barriers, phase::get, config.instanceId(),
                    accessPublisher::record);
            accessFeed = new AccessFeed(() -> new KafkaConsumer<>(config.kafka().consumer(config.clientId() + "-access",
                    null)), store, config.topics().access(), config.topics().partitions());
            accessThread = new Thread(accessFeed, "strongroom-access-feed-" + config.instanceId());
            accessThread.start();
            loop = new ProjectionLoop(
                    () -> new KafkaConsumer<>(config.kafka().consumer(config.clientId(), null)),
                    () -> Admin.create(config.kafka().admin()),
                    config.topics(), store, waiters, barriers, new PhaseListener(), config.instanceId());
            thread = new Thread(loop, "strongroom-projection-" + config.instanceId());
            thread.start();
            if (config.httpPort() != null) {
                startHttp();
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops the loop and the HTTP API, fails waiting callers with {@link NotServingException}, closes the store. */
    public synchronized void stop() {
        Phase before = phase.get();
        if (!move(Phase.STOPPED)) {
            return;
        }
        if (before == Phase.NEW) {
            return;
        }
        if (loop != null) {
            loop.stop();
        }
        if (thread != null) {
            joinLoop();
        }
        if (http != null) {
            await(http.close());
        }
        if (ownVertx != null) {
            await(ownVertx.close());
        }
        if (waiters != null) {
            NotServingException stopped = new NotServingException("projection instance " + config.instanceId() + " stopped");
            waiters.close(stopped);
            barriers.failAll(stopped);
        }
        if (readModel != null) {
            readModel.close();
        }
        stopAccess();
        if (store != null) {
            store.close();
        }
        LOG.info("projection {} stopped", config.instanceId());
    }

    /** The in-JVM read model; valid from {@link #start()}. Every call fails unless {@link #isServing()}. */
    public ReadModel readModel() {
        if (readModel == null) {
            throw new IllegalStateException("projection " + config.instanceId() + " not started");
        }
        return readModel;
    }

    public Phase phase() {
        return phase.get();
    }

    public boolean isServing() {
        return phase.get() == Phase.SERVING;
    }

    /**
     * What the instance tells gateways through its health endpoint: serving, and no further behind
     * the log than {@link ProjectionConfig#maxServingLagRecords()}. A lagging instance would hold up
     * every write (they wait for all instances gateways know), so it steps aside until it catches up.
     */
    public boolean isServingWithinLag() {
        boolean within = isServing() && maxLagRecords() <= config.maxServingLagRecords();
        if (isServing() && laggingReported.compareAndSet(within, !within)) {
            LOG.warn("projection {} {} (lag {} records, bound {})", config.instanceId(),
                    within ? "caught up again and serves gateways" : "lags too far and stops serving gateways",
                    maxLagRecords(), config.maxServingLagRecords());
        }
        return within;
    }

    /** Records behind the known end offset for every partition of the events and keys topics. */
    public Map<TopicPartition, Long> lag() {
        return loop == null ? Map.of() : loop.lag();
    }

    public long maxLagRecords() {
        Map<TopicPartition, Long> lag = lag();
        return lag.isEmpty() ? 0 : Collections.max(lag.values());
    }

    /** Events partitions held back right now because an applied outcome waits for its data key. */
    public Set<TopicPartition> waitingForKeys() {
        return loop == null ? Set.of() : loop.waitingForKeys();
    }

    /** Outcomes (all statuses) this instance applied since it started; a restart that resumes applies only new ones. */
    public long appliedOutcomes() {
        return loop == null ? 0 : loop.appliedOutcomes();
    }

    /** How often the apply loop met each class of failure. */
    public long failures(FailurePolicy.Kind kind) {
        return loop == null ? 0 : loop.failures().count(kind);
    }

    /** The bound port of the internal API, or -1 without one. */
    public int httpPort() {
        return httpPort;
    }

    public ProjectionConfig config() {
        return config;
    }

    private void startHttp() {
        Vertx vertx = sharedVertx;
        if (vertx == null) {
            ownVertx = Vertx.vertx();
            vertx = ownVertx;
        }
        http = new ProjectionHttpServer(vertx, readModel,
                () -> new InternalApi.Health(config.instanceId(), phase.get().name(), maxLagRecords()),
                this::isServingWithinLag);
        httpPort = await(http.listen(config.effectiveHttpHost(), config.httpPort(), config.httpTls()));
    }

    /** Records handed to the access topic by this instance (at most one per secret and day). */
    public long accessRecordsSent() {
        return accessPublisher == null ? 0 : accessPublisher.sent();
    }

    private void stopAccess() {
        if (accessPublisher != null) {
            accessPublisher.close();
        }
        if (accessFeed != null) {
            accessFeed.stop();
            try {
                accessThread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean move(Phase target) {
        while (true) {
            Phase current = phase.get();
            if (!current.canMoveTo(target)) {
                return false;
            }
            if (phase.compareAndSet(current, target)) {
                return true;
            }
        }
    }

    private void joinLoop() {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("apply thread of projection " + config.instanceId() + " did not stop");
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("projection HTTP API: " + e.getMessage(), e);
        }
    }

    /** Turns the loop's two reports into phase changes; runs on the apply thread. */
    private final class PhaseListener implements ProjectionLoop.Listener {
        @Override
        public void caughtUp(long outcomesApplied, Duration took) {
            if (move(Phase.SERVING)) {
                LOG.info("projection {} serving after applying {} outcomes in {} ms", config.instanceId(),
                        outcomesApplied, took.toMillis());
            }
        }

        @Override
        public void failed(Throwable failure) {
            if (move(Phase.FAILED)) {
                NotServingException failedNow = new NotServingException("projection instance " + config.instanceId()
                        + " failed");
                waiters.close(failedNow);
                barriers.failAll(failedNow);
            }
        }
    }
}
