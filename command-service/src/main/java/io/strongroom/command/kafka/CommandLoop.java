package io.strongroom.command.kafka;

import io.strongroom.command.CommandServiceConfig;
import io.strongroom.command.replication.TransportKeyImport;
import io.strongroom.command.state.StateOverlay;
import io.strongroom.command.state.StateWriter;
import io.strongroom.store.SecretStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command-service's one thread: poll a batch of commands, decide it, append the outcomes and
 * commit the consumed offsets in ONE Kafka transaction, then fold the result into RocksDB.
 *
 * <p>Crash rules (DESIGN, write path): a stable transactional id fences a previous incarnation; an
 * aborted transaction drops the batch's overlay and seeks back to the committed offsets; partitions
 * gained are caught up from {@code events} before anything is decided on them. A crash between the
 * Kafka commit and the RocksDB write is repaired by that catch-up on restart.
 */
public final class CommandLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandLoop.class);
    /**
     * How long the second poll of a batch waits for the fetch the first one sent, and how quickly the first
     * must have returned for its records to count as fetched before it ({@link #withLatest}).
     */
    private static final Duration LATEST_WAIT = Duration.ofMillis(2);

    private final CommandServiceConfig config;
    private final SecretStore store;
    private final BatchDecider decider;
    private final EventCatchUp catchUp;
    private final FailurePolicy failures;
    private final KeyLogRoller roller;
    private final KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private volatile boolean running = true;
    /** Rebalances seen (either callback), so {@link #withLatest} knows whether positions were reset. */
    private int rebalances;

    public CommandLoop(CommandServiceConfig config, SecretStore store, FailurePolicy failures) {
        this.config = config;
        this.store = store;
        this.failures = failures;
        this.decider = new BatchDecider(config.region(), config.topics(),
                new TransportKeyImport(config.replicaKeys()));
        this.roller = new KeyLogRoller(config.topics().keys(), config.keysRollAfter());
        String clientId = "command-service-" + config.instanceOrdinal();
        this.catchUp = new EventCatchUp(config.kafka(), config.topics().events(), clientId);
        Map<String, Object> consumerConfig = config.kafka().consumer(clientId, CommandServiceConfig.GROUP_ID);
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxBatchRecords());
        // Static membership, named like the transactional id: an instance restarted after a crash takes
        // over its dead predecessor's membership at once, instead of waiting out its session (45 s).
        consumerConfig.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, config.transactionalId());
        // With static membership a dead instance keeps its partitions until its session expires: keep that short.
        consumerConfig.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        this.consumer = new KafkaConsumer<>(consumerConfig);
    }

    @Override
    public void run() {
        try {
            untilDone("initialise the transactional producer", () -> producer = newProducer());
            consumer.subscribe(List.of(config.topics().commands()), new CatchUpOnAssignment());
            while (running) {
                long polling = System.nanoTime();
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(100));
                boolean alreadyFetched = System.nanoTime() - polling < LATEST_WAIT.toNanos();
                if (!batch.isEmpty()) {
                    process(alreadyFetched ? withLatest(batch) : batch);
                } else {
                    rollQuietKeyPartitions();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                failures.fatal("woken up while running", e);
            }
        } catch (RuntimeException e) {
            failures.fatal("command loop failed", e);
        } finally {
            closeQuietly();
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private void process(ConsumerRecords<String, byte[]> batch) {
        if (batch.isEmpty()) {
            return; // a rebalance during its second poll: withLatest read nothing
        }
        Instant now = config.clock().instant();
        StateOverlay overlay = new StateOverlay(store);
        List<ProducerRecord<String, byte[]>> records = decider.decide(batch, overlay, now);
        List<ProducerRecord<String, byte[]>> markers = roller.due(now);
        records.addAll(markers);
        List<Future<RecordMetadata>> sent;
        try {
            sent = commitTransaction(batch, records);
        } catch (RuntimeException e) {
            recover(batch, e);
            return;
        }
        roller.written(records, config.clock().instant());
        roller.rolled(markers);
        try {
            StateWriter.write(store, overlay, config.topics().events(), nextEventOffsets(sent));
        } catch (IllegalStateException e) {
            // Committed in Kafka but not known locally: read our own outcomes back rather than decide on stale state.
            LOG.warn("rebuilding state of partitions {} from events: {}", batch.partitions(), e.toString());
            catchUp.catchUp(store, batch.partitions().stream().map(TopicPartition::partition).toList());
        }
        LOG.debug("decided {} commands in one transaction", batch.count());
    }

    /**
     * Records a poll returns at once were fetched when the poll before it returned, that is before the last
     * batch was decided: what arrived during that batch's transaction is only in the fetch this poll just
     * sent. One short poll more adds it, so under load a command waits for the batch in progress, not for
     * two (at 2,000 puts/s it waited 1.5 cycles of ~7 ms on average). Records a poll had to wait for are
     * fresh and go as they are, so an idle service adds nothing.
     *
     * <p>A rebalance during the second poll resets positions to the committed offsets, so the two polls
     * may overlap or miss partitions: then nothing is decided and every partition is read again from its
     * committed offset.
     */
    private ConsumerRecords<String, byte[]> withLatest(ConsumerRecords<String, byte[]> polled) {
        if (polled.count() >= config.maxBatchRecords()) {
            return polled;
        }
        int before = rebalances;
        ConsumerRecords<String, byte[]> latest = consumer.poll(LATEST_WAIT);
        if (rebalances != before) {
            LOG.info("rebalanced while polling a batch; reading again from the committed offsets");
            untilDone("seek back to the committed offsets", () -> seekToCommitted(consumer.assignment()));
            return ConsumerRecords.empty();
        }
        return latest.isEmpty() ? polled : TwoPolls.merge(polled, latest);
    }

    private List<Future<RecordMetadata>> commitTransaction(ConsumerRecords<String, byte[]> batch,
            List<ProducerRecord<String, byte[]>> records) {
        producer.beginTransaction();
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            sent.add(producer.send(record));
        }
        if (!batch.isEmpty()) {
            producer.sendOffsetsToTransaction(consumedOffsets(batch), consumer.groupMetadata());
        }
        producer.commitTransaction();
        return sent;
    }

    /** After a commit every send has completed; the next events offset of each partition written. */
    private Map<Integer, Long> nextEventOffsets(List<Future<RecordMetadata>> sent) {
        Map<Integer, Long> next = new HashMap<>();
        for (Future<RecordMetadata> future : sent) {
            RecordMetadata metadata = get(future);
            if (metadata.topic().equals(config.topics().events())) {
                next.merge(metadata.partition(), metadata.offset() + 1, Math::max);
            }
        }
        return next;
    }

    /** Roll markers for keys partitions that went quiet after a key write ({@link KeyLogRoller}), in a transaction of their own. */
    private void rollQuietKeyPartitions() {
        List<ProducerRecord<String, byte[]>> markers = roller.due(config.clock().instant());
        if (markers.isEmpty()) {
            return;
        }
        try {
            commitTransaction(ConsumerRecords.empty(), markers);
            roller.rolled(markers);
        } catch (RuntimeException e) {
            // Nothing was decided: only the producer may need restoring; the markers are due again next time.
            LOG.warn("roll markers for keys partitions not written: {}", e.toString());
            restoreProducer(failures.classify(e), e);
        }
    }

    /** An aborted or failed transaction: drop the batch's overlay and read again from the committed offsets. */
    private void recover(ConsumerRecords<String, byte[]> batch, RuntimeException cause) {
        FailurePolicy.Kind kind = failures.classify(cause);
        LOG.warn("transaction for {} commands failed ({}): {}", batch.count(), kind, cause.toString());
        if (restoreProducer(kind, cause) == FailurePolicy.Kind.PRODUCER_LOST) {
            // A commitTransaction that timed out can still commit on the broker (the abort then fails with
            // "must be retried"). initTransactions has settled it either way: fold whatever the log now
            // holds, so the store matches the committed offsets the consumer seeks to next.
            untilDone("catch up the batch's partitions", () -> catchUp.catchUp(store,
                    batch.partitions().stream().map(TopicPartition::partition).toList()));
        }
        untilDone("seek back to the committed offsets", () -> seekToCommitted(batch.partitions()));
    }

    /**
     * Repeats a recovery step while Kafka is unreachable (each attempt blocks for at most the client's
     * own timeout), so an outage longer than one timeout delays the service instead of stopping it.
     */
    private void untilDone(String step, Runnable action) {
        for (int attempt = 1; running; attempt++) {
            try {
                action.run();
                return;
            } catch (RetriableException e) {
                LOG.warn("cannot {} yet (attempt {}): {}", step, attempt, e.toString());
            }
        }
        throw new WakeupException();
    }

    /** Aborts, or replaces a producer that cannot abort; returns PRODUCER_LOST if it was replaced. */
    private FailurePolicy.Kind restoreProducer(FailurePolicy.Kind classified, RuntimeException cause) {
        FailurePolicy.Kind kind = classified;
        if (kind == FailurePolicy.Kind.FATAL) {
            throw cause;
        }
        if (kind == FailurePolicy.Kind.ABORTABLE) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException abortFailure) {
                kind = FailurePolicy.Kind.PRODUCER_LOST;
            }
        }
        if (kind == FailurePolicy.Kind.PRODUCER_LOST) {
            producer.close(Duration.ZERO);
            producer = null;
            untilDone("re-initialise the transactional producer", () -> producer = newProducer());
        }
        return kind;
    }

    private void seekToCommitted(Collection<TopicPartition> partitions) {
        Set<TopicPartition> owned = new HashSet<>(partitions);
        owned.retainAll(consumer.assignment());
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(owned);
        for (TopicPartition tp : owned) {
            OffsetAndMetadata offset = committed.get(tp);
            if (offset != null) {
                consumer.seek(tp, offset);
            } else {
                consumer.seekToBeginning(List.of(tp));
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> consumedOffsets(ConsumerRecords<String, byte[]> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : batch.partitions()) {
            var records = batch.records(tp);
            offsets.put(tp, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private KafkaProducer<String, byte[]> newProducer() {
        KafkaProducer<String, byte[]> p = new KafkaProducer<>(config.kafka().transactionalProducer(
                "command-service-" + config.instanceOrdinal(), config.transactionalId(), config.transactionTimeoutMs()));
        try {
            p.initTransactions();
        } catch (RuntimeException e) {
            p.close(Duration.ZERO);
            throw e;
        }
        LOG.info("transactional producer {} ready", config.transactionalId());
        return p;
    }

    private static RecordMetadata get(Future<RecordMetadata> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted after commit", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send failed after a successful commit", e.getCause());
        }
    }

    private void closeQuietly() {
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debug("consumer close: {}", e.toString());
        }
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("producer close: {}", e.toString());
            }
        }
    }

    /** Catch up the events of every partition gained, before the first decision on it. */
    private final class CatchUpOnAssignment implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            rebalances++;
            List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
            LOG.info("assigned commands partitions {}", numbers);
            catchUp.catchUp(store, numbers);
            roller.assigned(numbers, config.clock().instant());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            rebalances++;
            LOG.info("revoked commands partitions {}", partitions.stream().map(TopicPartition::partition).toList());
            roller.revoked(partitions.stream().map(TopicPartition::partition).toList());
        }
    }
}
