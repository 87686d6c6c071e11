package io.strongroom.scheduler.kafka;

import io.strongroom.kafka.KafkaSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the events topic from the beginning, or from a checkpoint's positions, and then follows it:
 * every partition assigned (no consumer group), read_committed. Knows when it has reached the end
 * offsets it saw at start. Not thread-safe: used from the scheduler's loop thread only (except
 * {@link #wakeup()}).
 */
public final class EventTail implements AutoCloseable {
    private static final Duration METADATA_WAIT = Duration.ofSeconds(30);
    private static final int FETCH_MIN_BYTES = 256 * 1024;
    private static final int FETCH_MAX_WAIT_MS = 500;

    private final KafkaSettings kafka;
    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, Long> endAtStart;
    private final List<TopicPartition> partitions;
    private final String resumeRefused;
    private String topicId;
    private boolean caughtUp;

    /**
     * Where to read on from: a checkpoint's positions in the topic it was taken of.
     *
     * @param topicId the id Kafka gave the topic (a topic deleted and created again under its name has another)
     * @param positions per partition, the offset of the next record to read
     */
    public record Resume(String topicId, Map<Integer, Long> positions) {
        public static final Resume NONE = new Resume(null, Map.of());
    }

    /** Reads on from {@code resume} if it fits the log as it is now, else the whole topic ({@link #resumeRefused()}). */
    public EventTail(KafkaSettings kafka, String topic, String clientId, Resume resume) {
        this.kafka = kafka;
        this.topic = topic;
        Map<String, Object> config = kafka.consumer(clientId, null);
        // Deletions are due by the day and the loop ticks once a second: fetch in bulk instead of one fetch per
        // write (with the default of 1 byte the broker answers this tail after every transaction of the region).
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        consumer = new KafkaConsumer<>(config);
        List<PartitionInfo> infos = partitionsOf(topic);
        partitions = infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        endAtStart = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        try {
            resumeRefused = resume.topicId() == null ? "no checkpoint" : unusable(resume);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        if (resumeRefused == null) {
            partitions.forEach(p -> consumer.seek(p, resume.positions().get(p.partition())));
        } else {
            consumer.seekToBeginning(partitions);
        }
    }

    /** Why the positions asked for are not where reading started; null if they are. */
    public String resumeRefused() {
        return resumeRefused;
    }

    /** Per partition: the offset of the next record {@link #poll} returns. */
    public Map<Integer, Long> positions() {
        Map<Integer, Long> positions = new HashMap<>();
        for (TopicPartition partition : partitions) {
            positions.put(partition.partition(), consumer.position(partition, Duration.ofSeconds(5)));
        }
        return positions;
    }

    /** The id Kafka gave the topic read; asked for once, when first needed (only checkpoints need it). */
    public String topicId() {
        if (topicId == null) {
            topicId = describedTopicId();
        }
        return topicId;
    }

    /** A checkpoint of a topic since re-created, or of another partition count, does not fit the log. */
    private String unusable(Resume resume) {
        if (!resume.topicId().equals(topicId())) {
            return "the checkpoint is of topic id " + resume.topicId() + ", the topic's id is now " + topicId();
        }
        Map<Integer, Long> resumeAt = resume.positions();
        if (resumeAt.size() != partitions.size()) {
            return "the checkpoint has " + resumeAt.size() + " partitions, the topic " + partitions.size();
        }
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
        for (TopicPartition partition : partitions) {
            Long at = resumeAt.get(partition.partition());
            if (at == null || at < starts.get(partition) || at > endAtStart.get(partition)) {
                return "partition " + partition.partition() + " now holds offsets " + starts.get(partition) + " to "
                        + endAtStart.get(partition) + ", the checkpoint is at " + at;
            }
        }
        return null;
    }

    private String describedTopicId() {
        try (Admin admin = Admin.create(kafka.admin())) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(METADATA_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic).topicId().toString();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe topic " + topic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topic " + topic, e);
        }
    }

    /** A topic created a moment ago may not be in every broker's metadata yet: ask again for a while. */
    private List<PartitionInfo> partitionsOf(String topic) {
        long deadline = System.nanoTime() + METADATA_WAIT.toNanos();
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_WAIT);
            if (infos != null && !infos.isEmpty()) {
                return infos;
            }
            if (System.nanoTime() - deadline >= 0) {
                consumer.close();
                throw new IllegalStateException("topic " + topic + " has no partitions (not created?)");
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    public ConsumerRecords<String, byte[]> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    /** True once every partition has been read up to where it ended when this tail started. */
    public boolean caughtUp() {
        if (!caughtUp) {
            caughtUp = endAtStart.entrySet().stream()
                    .allMatch(end -> consumer.position(end.getKey(), Duration.ofSeconds(5)) >= end.getValue());
        }
        return caughtUp;
    }

    /** Makes a blocked {@link #poll} return (with a WakeupException); safe from any thread. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
