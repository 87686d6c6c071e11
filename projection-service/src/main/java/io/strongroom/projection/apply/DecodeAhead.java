package io.strongroom.projection.apply;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Decodes poll N+1 on a thread of its own while the apply thread applies poll N: on a replay, JSON
 * decoding was half of the apply thread's time (profiled), the other half folding, encoding and
 * writing. Small polls (the steady write path) are decoded inline, so an acknowledged write waits for
 * no hand-over; read-ahead starts only once a poll is large, and then the loop polls without waiting
 * while a decoded poll is pending. Polls come out in the order they went in. Apply thread only.
 */
final class DecodeAhead implements AutoCloseable {
    /** Below this many records a poll is decoded where it was read. */
    static final int READ_AHEAD_FROM = 64;

    private final List<TopicPartition> keyPartitions;
    private final List<TopicPartition> eventPartitions;
    private final ExecutorService decoder;
    private Future<DecodedPoll> inFlight;

    DecodeAhead(List<TopicPartition> keyPartitions, List<TopicPartition> eventPartitions, String instanceId) {
        this.keyPartitions = keyPartitions;
        this.eventPartitions = eventPartitions;
        this.decoder = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "strongroom-projection-decode-" + instanceId);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether a poll is being decoded: the next poll should not wait for records. */
    boolean pending() {
        return inFlight != null;
    }

    /**
     * Takes the latest poll (and the positions right after it); returns the next poll to apply, in
     * order, or null when the only one is still being decoded.
     */
    DecodedPoll next(ConsumerRecords<String, byte[]> records, Map<TopicPartition, Long> positions) {
        if (inFlight == null) {
            if (records.count() < READ_AHEAD_FROM) {
                return DecodedPoll.decode(records, keyPartitions, eventPartitions, positions);
            }
            inFlight = submit(records, positions);
            return null;
        }
        Future<DecodedPoll> previous = inFlight;
        inFlight = records.isEmpty() ? null : submit(records, positions);
        return await(previous);
    }

    /** Forgets the poll being decoded (the loop rewinds to its stored offsets). */
    void discard() {
        if (inFlight != null) {
            inFlight.cancel(false);
            inFlight = null;
        }
    }

    @Override
    public void close() {
        decoder.shutdownNow();
    }

    private Future<DecodedPoll> submit(ConsumerRecords<String, byte[]> records, Map<TopicPartition, Long> positions) {
        return decoder.submit(() -> DecodedPoll.decode(records, keyPartitions, eventPartitions, positions));
    }

    private static DecodedPoll await(Future<DecodedPoll> decoding) {
        try {
            return decoding.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        }
    }
}
