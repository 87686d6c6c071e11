package io.strongroom.projection.access;

import io.strongroom.kafka.KafkaSettings;
import io.strongroom.store.SecretStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's half of LastAccessedDate: gateways tell it a value was read ({@link #record}), and
 * it publishes at most one record per secret and day to the compacted access topic, in batches
 * every {@link #FLUSH_INTERVAL}. Every instance (this one included) merges the topic through
 * {@link AccessFeed}, so the day becomes visible region-wide without passing through events.
 *
 * <p>{@link #record} runs on the caller's thread and only touches a map and one store point read;
 * Kafka work happens on the flush thread. A send that fails is forgotten so a later read retries it.
 */
public final class AccessPublisher implements AutoCloseable {
    public static final Duration FLUSH_INTERVAL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(AccessPublisher.class);

    private final SecretStore store;
    private final String topic;
    private final Producer<String, byte[]> producer;
    private final Map<String, LocalDate> pending = new ConcurrentHashMap<>();
    private final Map<String, LocalDate> published = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final ScheduledExecutorService flusher;

    public AccessPublisher(SecretStore store, String topic, Supplier<Producer<String, byte[]>> producers,
            String instanceId) {
        this.store = store;
        this.topic = topic;
        this.producer = producers.get();
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "strongroom-access-publisher-" + instanceId);
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_INTERVAL.toMillis(), FLUSH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public static AccessPublisher create(SecretStore store, KafkaSettings kafka, String topic, String instanceId) {
        return new AccessPublisher(store, topic, () -> new org.apache.kafka.clients.producer.KafkaProducer<>(
                kafka.producer("strongroom-access-" + instanceId)), instanceId);
    }

    /** Notes a read of {@code secretId} on {@code day}; nothing happens if that day is already known. */
    public void record(String secretId, LocalDate day) {
        if (!later(day, published.get(secretId)) || !later(day, store.lastAccessed(secretId).orElse(null))) {
            return;
        }
        pending.merge(secretId, day, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Records handed to Kafka since start (at most one per secret and day). */
    public long sent() {
        return sent.get();
    }

    void flush() {
        try {
            for (String secretId : pending.keySet()) {
                LocalDate day = pending.remove(secretId);
                if (day == null || !later(day, published.get(secretId))) {
                    continue;
                }
                published.put(secretId, day);
                sent.incrementAndGet();
                producer.send(new ProducerRecord<>(topic, secretId, day.toString().getBytes(StandardCharsets.UTF_8)),
                        (metadata, failure) -> {
                            if (failure != null) {
                                published.remove(secretId, day);
                                LOG.warn("access day of secret {} not published: {}", secretId, failure.toString());
                            }
                        });
            }
            forgetOlderThanToday();
        } catch (RuntimeException e) {
            LOG.warn("access publisher flush failed: {}", e.toString());
        }
    }

    /** The map only needs the newest day: entries older than the newest seen cannot suppress anything useful. */
    private void forgetOlderThanToday() {
        LocalDate newest = published.values().stream().max(LocalDate::compareTo).orElse(null);
        if (newest != null && published.size() > 10_000) {
            published.values().removeIf(day -> day.isBefore(newest));
        }
    }

    private static boolean later(LocalDate day, LocalDate known) {
        return known == null || day.isAfter(known);
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        producer.close(Duration.ofSeconds(5));
    }
}
