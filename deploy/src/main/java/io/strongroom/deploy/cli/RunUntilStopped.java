package io.strongroom.deploy.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a started component running until SIGTERM or Ctrl-C, then closes it before the JVM exits. */
final class RunUntilStopped {
    private static final Logger LOG = LoggerFactory.getLogger(RunUntilStopped.class);

    private RunUntilStopped() {}

    static int run(String name, AutoCloseable component) {
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping {}", name);
            try {
                component.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", name, e.toString());
            } finally {
                closed.countDown();
            }
        }, "strongroom-shutdown"));
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
