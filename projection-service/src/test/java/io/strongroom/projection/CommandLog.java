package io.strongroom.projection;

import io.strongroom.core.aggregate.CommandHandler;
import io.strongroom.core.aggregate.HandledCommand;
import io.strongroom.core.aggregate.KeyChange;
import io.strongroom.core.arn.RoutingStem;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretLocator;
import io.strongroom.core.secret.SecretState;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import io.strongroom.kafka.Topics;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

/**
 * Stands in for command-service: decides commands with the real aggregate against its own in-memory
 * state and writes each outcome to events partition p and its key records to keys partition p, in
 * Kafka transactions of a plain transactional producer.
 */
final class CommandLog implements AutoCloseable {
    static final String REGION = "eu-west-1";

    private final KafkaSettings kafka;
    private final Topics topics;
    private final CommandHandler handler = new CommandHandler(REGION);
    private final Map<String, SecretState> live = new HashMap<>();
    private final KafkaProducer<String, byte[]> producer;

    CommandLog(KafkaSettings kafka, Topics topics) {
        this.kafka = kafka;
        this.topics = topics;
        this.producer = transactionalProducer();
    }

    /** Decides the command against the current state and remembers the state after it; publishes nothing. */
    HandledCommand decide(CommandEnvelope command) {
        SecretState state = command.payload() instanceof CreateSecret create
                ? live.get(command.account() + "/" + create.name())
                : SecretLocator.locate(command.account(), REGION, command.secretId(),
                        (account, name) -> Optional.ofNullable(live.get(account + "/" + name))).orElse(null);
        HandledCommand handled = handler.handle(command, state, Instant.now());
        SecretState after = handled.stateAfter();
        if (after != null) {
            String key = after.account() + "/" + after.name();
            if (after.lifecycle() == Lifecycle.PURGED) {
                live.remove(key);
            } else {
                live.put(key, after);
            }
        }
        return handled;
    }

    /** Decides and publishes outcome and keys in one transaction. */
    Outcome run(CommandEnvelope command) {
        HandledCommand handled = decide(command);
        publish(handled);
        return handled.outcome();
    }

    void publish(HandledCommand... handled) {
        producer.beginTransaction();
        for (HandledCommand h : handled) {
            sendOutcome(producer, h);
            sendKeys(producer, h);
        }
        producer.commitTransaction();
    }

    void publishOutcomeOnly(HandledCommand handled) {
        producer.beginTransaction();
        sendOutcome(producer, handled);
        producer.commitTransaction();
    }

    /** Sends a command's key records in a transaction of another producer, left open until the caller commits it. */
    KafkaProducer<String, byte[]> openKeysTransaction(HandledCommand handled) {
        KafkaProducer<String, byte[]> other = transactionalProducer();
        other.beginTransaction();
        sendKeys(other, handled);
        other.flush();
        return other;
    }

    int partitionOf(String account, String secretIdOrName) {
        return Utils.toPositive(Utils.murmur2(RoutingStem.of(account, secretIdOrName).getBytes())) % topics.partitions();
    }

    SecretState state(String account, String name) {
        return live.get(account + "/" + name);
    }

    @Override
    public void close() {
        producer.close();
    }

    private void sendOutcome(KafkaProducer<String, byte[]> to, HandledCommand h) {
        Outcome outcome = h.outcome();
        String stem = RoutingStem.of(outcome.account(), stemSource(h));
        to.send(new ProducerRecord<>(topics.events(), partition(stem), stem, Records.outcome(outcome)));
    }

    private void sendKeys(KafkaProducer<String, byte[]> to, HandledCommand h) {
        int partition = partition(RoutingStem.of(h.outcome().account(), stemSource(h)));
        for (KeyChange key : h.keyChanges()) {
            to.send(new ProducerRecord<>(topics.keys(), partition, key.recordKey(), Records.key(key.wrappedKey())));
        }
    }

    private String stemSource(HandledCommand h) {
        SecretState after = h.stateAfter();
        return after != null ? after.name() : h.outcome().commandId();
    }

    private int partition(String stem) {
        return Utils.toPositive(Utils.murmur2(stem.getBytes())) % topics.partitions();
    }

    private KafkaProducer<String, byte[]> transactionalProducer() {
        KafkaProducer<String, byte[]> p = new KafkaProducer<>(
                kafka.transactionalProducer("test-command-log", "test-tx-" + UUID.randomUUID(), 10_000));
        p.initTransactions();
        return p;
    }
}
