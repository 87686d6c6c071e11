package io.strongroom.command;

import io.strongroom.command.kafka.CommandLoop;
import io.strongroom.command.kafka.FailurePolicy;
import io.strongroom.store.SecretStore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command-service of one region: decides commands from {@code strongroom.commands} against its
 * RocksDB state and appends the outcomes to {@code strongroom.events}. Several instances share the
 * partitions through a consumer group; each needs its own data directory and instance ordinal.
 */
public final class CommandService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);

    private final CommandServiceConfig config;
    private final AtomicBoolean failed = new AtomicBoolean();
    private SecretStore store;
    private CommandLoop loop;
    private Thread thread;

    public CommandService(CommandServiceConfig config) {
        this.config = config;
    }

    public synchronized void start() {
        store = SecretStore.open(config.dataDir());
        loop = new CommandLoop(config, store, new FailurePolicy(() -> failed.set(true)));
        thread = new Thread(loop, "command-service-" + config.instanceOrdinal());
        thread.start();
        LOG.info("command-service {} started for region {} (data {})", config.instanceOrdinal(), config.region(),
                config.dataDir());
    }

    /** True once the loop stopped on a failure it cannot recover from; the process should restart it. */
    public boolean hasFailed() {
        return failed.get();
    }

    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        loop.stop();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
        thread = null;
        LOG.info("command-service {} stopped", config.instanceOrdinal());
    }

    @Override
    public void close() {
        stop();
    }
}
