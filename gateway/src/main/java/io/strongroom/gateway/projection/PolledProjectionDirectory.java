package io.strongroom.gateway.projection;

import io.strongroom.core.query.ReadModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projection instances in other processes, each probed for health on a fixed interval. Only the
 * instances whose last probe said "serving" are offered, so a dead or lagging instance stops
 * holding up writes (gateways route around it) and rejoins once it has caught up.
 */
public final class PolledProjectionDirectory implements ProjectionDirectory, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolledProjectionDirectory.class);

    /** Asks one instance whether it serves; a failed future counts as "no". */
    @FunctionalInterface
    public interface Probe {
        CompletableFuture<Boolean> serving();
    }

    public record Instance(String name, ReadModel model, Probe probe) {}

    private final List<Instance> instances;
    private final boolean[] lastSeen;
    private final ScheduledExecutorService timer;
    private volatile List<ReadModel> serving = List.of();

    public PolledProjectionDirectory(List<Instance> instances, Duration interval) {
        this.instances = List.copyOf(instances);
        this.lastSeen = new boolean[instances.size()];
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "projection-health");
            t.setDaemon(true);
            return t;
        });
        probeAll();
        timer.scheduleWithFixedDelay(this::probeAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public List<ReadModel> serving() {
        return serving;
    }

    private void probeAll() {
        List<CompletableFuture<Boolean>> answers = instances.stream()
                .map(i -> i.probe().serving().exceptionally(failure -> false))
                .toList();
        List<ReadModel> now = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            boolean up = answers.get(i).completeOnTimeout(false, 2, TimeUnit.SECONDS).join();
            if (up != lastSeen[i]) {
                LOG.info("projection {} is {}", instances.get(i).name(), up ? "serving" : "not serving");
                lastSeen[i] = up;
            }
            if (up) {
                now.add(instances.get(i).model());
            }
        }
        serving = List.copyOf(now);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
