package io.strongroom.gateway.projection;

import io.strongroom.core.query.ReadModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projection instances in other processes, each probed for health on a fixed interval, so a dead
 * instance stops holding up writes (gateways route around it) and a returning one rejoins.
 *
 * <p>Joining is two-step: an instance that starts answering "serving" is first added to the set
 * writes wait for, then asked for a catch-up barrier, and only when that completes is it offered to
 * reads. Together with the submitter's re-check of the write set, no read reaches an instance that
 * lacks a write already acknowledged to a client.
 */
public final class PolledProjectionDirectory implements ProjectionDirectory, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolledProjectionDirectory.class);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(10);

    /** Asks one instance whether it serves; a failed future counts as "no". */
    @FunctionalInterface
    public interface Probe {
        CompletableFuture<Boolean> serving();
    }

    public record Instance(String name, ReadModel model, Probe probe) {}

    private enum Standing { DOWN, JOINING, READABLE }

    private final List<Instance> instances;
    private final Standing[] standing;
    private final ScheduledExecutorService timer;
    private volatile List<ReadModel> awaited = List.of();
    private volatile List<ReadModel> readable = List.of();

    public PolledProjectionDirectory(List<Instance> instances, Duration interval) {
        this.instances = List.copyOf(instances);
        this.standing = new Standing[instances.size()];
        Arrays.fill(standing, Standing.DOWN);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "projection-health");
            t.setDaemon(true);
            return t;
        });
        probeAll();
        timer.scheduleWithFixedDelay(this::probeAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public List<ReadModel> awaitedByWrites() {
        return awaited;
    }

    @Override
    public List<ReadModel> readable() {
        return readable;
    }

    private void probeAll() {
        List<CompletableFuture<Boolean>> answers = instances.stream()
                .map(i -> i.probe().serving().exceptionally(failure -> false))
                .toList();
        for (int i = 0; i < instances.size(); i++) {
            boolean up = answers.get(i).completeOnTimeout(false, 2, TimeUnit.SECONDS).join();
            if (up) {
                join(i);
            } else {
                move(i, Standing.DOWN);
            }
        }
    }

    private void join(int i) {
        if (!move(i, Standing.JOINING, Standing.DOWN)) {
            return;
        }
        instances.get(i).model().catchUp(CATCH_UP_TIMEOUT).whenComplete((done, failure) -> {
            if (failure == null) {
                move(i, Standing.READABLE, Standing.JOINING);
            } else {
                LOG.warn("projection {} did not catch up: {}", instances.get(i).name(), failure.toString());
                move(i, Standing.DOWN, Standing.JOINING);
            }
        });
    }

    private synchronized void move(int i, Standing target) {
        if (standing[i] != target) {
            standing[i] = target;
            publish(i);
        }
    }

    /** Moves instance {@code i} to {@code target} only if it still stands at {@code from}. */
    private synchronized boolean move(int i, Standing target, Standing from) {
        if (standing[i] != from) {
            return false;
        }
        standing[i] = target;
        publish(i);
        return true;
    }

    private void publish(int changed) {
        LOG.info("projection {} is now {}", instances.get(changed).name(), standing[changed]);
        List<ReadModel> writes = new ArrayList<>();
        List<ReadModel> reads = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            if (standing[i] != Standing.DOWN) {
                writes.add(instances.get(i).model());
            }
            if (standing[i] == Standing.READABLE) {
                reads.add(instances.get(i).model());
            }
        }
        awaited = List.copyOf(writes);
        readable = List.copyOf(reads);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
