package io.strongroom.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * The one partition of the audit topic a gateway writes its chain to, from its id (murmur2, as
 * Kafka's default partitioner hashes keys). Records are keyed by account for readers, but
 * partitioned by gateway: a chain is verified in log order, and Kafka orders records only within a
 * partition; keyed by account, one gateway's records would scatter over every partition and their
 * relative order would be lost. Several gateways may share a partition: each record names its
 * gateway, and the verifier follows each chain separately. Adding partitions to the audit topic
 * moves gateways to other partitions, where they start new chains under the same ids, which the
 * verifier reports as broken: keep the audit topic's partition count fixed.
 */
final class AuditPartition {
    private static final Duration TOPIC_WAIT = Duration.ofSeconds(60);

    private AuditPartition() {}

    /** The gateway's partition of the topic; waits a while for the topic, as command-service may be creating it. */
    static TopicPartition of(Consumer<String, byte[]> consumer, String topic, String gatewayId) {
        return new TopicPartition(topic, of(gatewayId, awaitTopic(consumer, topic).size()));
    }

    static int of(String gatewayId, int partitions) {
        return Utils.toPositive(Utils.murmur2(gatewayId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static List<PartitionInfo> awaitTopic(Consumer<String, byte[]> consumer, String topic) {
        long deadline = System.nanoTime() + TOPIC_WAIT.toNanos();
        while (true) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (partitions != null && !partitions.isEmpty()) {
                return partitions;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("audit topic " + topic + " does not exist; it is created with the"
                        + " region's other topics (command-service or the dev cluster provisions them)");
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting for audit topic " + topic);
            }
        }
    }
}
