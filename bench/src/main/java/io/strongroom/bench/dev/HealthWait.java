package io.strongroom.bench.dev;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls a starting dev cluster's {@code GET /health} until it answers 200 (the projection has caught up). */
final class HealthWait {
    private static final Logger LOG = LoggerFactory.getLogger(HealthWait.class);

    private HealthWait() {}

    /** Fails if the child exits, or does not serve within {@code timeout}. */
    static void until(URI endpoint, Process child, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!child.isAlive()) {
                    throw new IllegalStateException("the dev cluster exited with " + child.exitValue());
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    LOG.trace("dev cluster not answering yet: {}", e.toString());
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the dev cluster", e);
        }
        throw new IllegalStateException("the dev cluster did not serve within " + timeout);
    }
}
