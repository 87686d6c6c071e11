package io.strongroom.gateway.audit;

import io.strongroom.core.audit.AuditCall;
import io.strongroom.core.audit.AuditChain;
import io.strongroom.core.audit.AuditRecord;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail on Kafka. {@link #record} only offers the call to a bounded queue (a full queue
 * drops it and counts it, so a request never waits for the trail); one writer thread drains the
 * queue, chains each call ({@link AuditChain}) and hands it to an idempotent producer that batches
 * (linger) to this gateway's one partition ({@link AuditPartition}). The next chained record carries
 * the count of calls dropped before it.
 *
 * <p>Restart: {@link #start} reads this gateway's newest record back from its partition and
 * continues that chain (same gatewayId, next seq, linked to its hash), so there is no seam to hide
 * a removal behind. Calls still queued, or in flight to Kafka, when the process dies are lost; the
 * chain then continues from the last acknowledged record and stays verifiable. A record Kafka
 * finally refuses after its retries is counted as failed and leaves a gap the verifier reports.
 */
public final class KafkaAuditTrail implements AuditSink, AutoCloseable {
    public static final int DEFAULT_CAPACITY = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(KafkaAuditTrail.class);
    /** Calls the writer takes from the queue at a time. */
    private static final int BATCH = 500;
    private static final int PRODUCER_BATCH_BYTES = 512 * 1024;

    private final KafkaSettings kafka;
    private final String topic;
    private final String gatewayId;
    private final BlockingQueue<AuditCall> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedSinceLastRecord = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final RateLimitedWarning dropWarning = new RateLimitedWarning(LOG, Duration.ofSeconds(10));
    private final RateLimitedWarning failWarning = new RateLimitedWarning(LOG, Duration.ofSeconds(10));
    private volatile boolean running;
    private Producer<String, byte[]> producer;
    private Thread writer;

    public KafkaAuditTrail(KafkaSettings kafka, String topic, String gatewayId, int capacity) {
        this.kafka = kafka;
        this.topic = topic;
        this.gatewayId = gatewayId;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Finds this gateway's partition and newest record, then starts writing. Fails if the topic is missing. */
    public synchronized KafkaAuditTrail start() {
        TopicPartition partition;
        AuditChain chain;
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumer("audit-tail-" + gatewayId, null))) {
            partition = AuditPartition.of(consumer, topic, gatewayId);
            chain = AuditChain.resume(gatewayId, ChainTail.last(consumer, partition, gatewayId));
        }
        var config = kafka.producer("audit-" + gatewayId);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        // One partition, so one batch per produce request: with the default 16 KiB (~25 calls) a gateway
        // serving reads sent the broker hundreds of requests a second, and the trail (writer, producer,
        // broker) cost a third of the CPU of a read. Full batches within the linger instead.
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, PRODUCER_BATCH_BYTES);
        producer = new KafkaProducer<>(config);
        running = true;
        writer = new Thread(() -> drain(chain, partition), "audit-writer-" + gatewayId);
        writer.setDaemon(true);
        writer.start();
        LOG.info("audit trail of gateway {} on {} continues at seq {}", gatewayId, partition, chain.nextSeq());
        return this;
    }

    @Override
    public void record(AuditCall call) {
        if (!queue.offer(call)) {
            droppedSinceLastRecord.incrementAndGet();
            long total = dropped.incrementAndGet();
            dropWarning.warn("audit queue full: {} calls dropped so far (counted in the next record)", total);
        }
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public long failed() {
        return failed.get();
    }

    private void drain(AuditChain chain, TopicPartition partition) {
        List<AuditCall> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                AuditCall first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                for (AuditCall call : batch) {
                    AuditRecord record = chain.append(call, droppedSinceLastRecord.getAndSet(0));
                    String key = call.account() == null ? "-" : call.account();
                    producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), key,
                            Records.audit(record)), (metadata, error) -> {
                                if (error != null) {
                                    long total = failed.incrementAndGet();
                                    failWarning.warn("audit record not written ({} so far): {}", total, error.toString());
                                }
                            });
                }
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A producer that cannot take records (closed, fatal error): the chain has a gap from here.
                failed.addAndGet(batch.size());
                failWarning.warn("audit writer failed ({} records lost): {}", batch.size(), e.toString());
                batch.clear();
            }
        }
    }

    /** Writes what is queued, then closes the producer. */
    @Override
    public synchronized void close() {
        if (writer == null) {
            return;
        }
        running = false;
        try {
            writer.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
        writer = null;
        LOG.info("audit trail of gateway {} closed ({} dropped, {} failed)", gatewayId, dropped.get(), failed.get());
    }
}
