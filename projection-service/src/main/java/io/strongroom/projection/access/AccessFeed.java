package io.strongroom.projection.access;

import io.strongroom.store.SecretStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the compacted access topic into this instance's store: for each record the later of the
 * stored and the published day wins, written in one batch with the topic offsets, so a restart
 * resumes where it stopped and a wiped store rebuilds from the topic. Runs on its own thread; the
 * consumer never leaves it. A failure is logged and the loop resumes from the stored offsets.
 */
public final class AccessFeed implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(AccessFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long BACKOFF_MS = 1_000;

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final SecretStore store;
    private final List<TopicPartition> partitions;
    private volatile boolean running = true;
    private volatile Consumer<String, byte[]> consumer;
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

    public AccessFeed(Supplier<Consumer<String, byte[]>> consumers, SecretStore store, String topic, int partitions) {
        this.consumers = consumers;
        this.store = store;
        this.partitions = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    @Override
    public void run() {
        while (running) {
            try (Consumer<String, byte[]> c = consumers.get()) {
                consumer = c;
                if (!running) {
                    return;
                }
                c.assign(partitions);
                partitions.forEach(p -> c.seek(p, store.nextOffset(p.topic(), p.partition())));
                while (running) {
                    merge(c.poll(POLL));
                }
            } catch (WakeupException e) {
                // stop() woke the poll
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("access feed failed, resuming from stored offsets: {}", e.toString());
                    pause();
                }
            }
        }
    }

    public void stop() {
        running = false;
        stopped.countDown();
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private void merge(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        java.util.Map<String, LocalDate> merged = new java.util.HashMap<>();
        try (SecretStore.Batch batch = store.batch()) {
            for (ConsumerRecord<String, byte[]> record : records) {
                LocalDate day = day(record);
                if (day != null && record.key() != null) {
                    LocalDate known = merged.containsKey(record.key()) ? merged.get(record.key())
                            : store.lastAccessed(record.key()).orElse(null);
                    if (known == null || day.isAfter(known)) {
                        merged.put(record.key(), day);
                        batch.putAccess(record.key(), day);
                    }
                }
                batch.nextOffset(record.topic(), record.partition(), record.offset() + 1);
            }
            batch.commit();
        }
    }

    private static LocalDate day(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return LocalDate.parse(new String(record.value(), StandardCharsets.UTF_8));
        } catch (DateTimeParseException e) {
            LOG.warn("skipping malformed access record at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return null;
        }
    }

    private void pause() {
        try {
            stopped.await(BACKOFF_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
