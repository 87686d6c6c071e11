package io.strongroom.command.kafka;

import io.strongroom.command.replication.TransportKeyImport;
import io.strongroom.command.state.StateOverlay;
import io.strongroom.core.aggregate.CommandHandler;
import io.strongroom.core.aggregate.HandledCommand;
import io.strongroom.core.aggregate.KeyChange;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.command.PurgeSecret;
import io.strongroom.core.secret.SecretLocator;
import io.strongroom.core.secret.SecretState;
import io.strongroom.kafka.Records;
import io.strongroom.kafka.Topics;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides one polled batch of commands against the store plus an overlay of the batch's own
 * changes, with one {@code now} for the whole batch, and turns the outcomes into the records of
 * the batch's transaction: outcomes to {@code events} and key records to {@code keys}, both on the
 * command's own partition number.
 */
final class BatchDecider {
    private static final Logger LOG = LoggerFactory.getLogger(BatchDecider.class);

    private final CommandHandler handler;
    private final String region;
    private final Topics topics;
    private final TransportKeyImport keyImport;

    BatchDecider(String region, Topics topics, TransportKeyImport keyImport) {
        this.handler = new CommandHandler(region);
        this.region = region;
        this.topics = topics;
        this.keyImport = keyImport;
    }

    List<ProducerRecord<String, byte[]>> decide(ConsumerRecords<String, byte[]> commands, StateOverlay overlay,
            Instant now) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : commands) {
            CommandEnvelope command;
            try {
                command = Records.command(record.value());
            } catch (UncheckedIOException e) {
                // A record no gateway could have written: skip it (its offset still commits) rather than stall the partition.
                LOG.error("skipping undecodable command at {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                continue;
            }
            // A replica delta's data keys are re-wrapped for this region here, at the edge: decide stays pure.
            command = keyImport.imported(command);
            SecretState state = resolve(command, overlay);
            HandledCommand handled = handler.handle(command, state, now);
            if (handled.stateAfter() != null && handled.stateAfter() != state) {
                overlay.put(handled.stateAfter());
            }
            int partition = record.partition();
            for (KeyChange key : handled.keyChanges()) {
                out.add(new ProducerRecord<>(topics.keys(), partition, key.recordKey(), Records.key(key.wrappedKey())));
            }
            out.add(new ProducerRecord<>(topics.events(), partition, record.key(), Records.outcome(handled.outcome())));
        }
        return out;
    }

    private SecretState resolve(CommandEnvelope command, StateOverlay overlay) {
        if (command.payload() instanceof CreateSecret create) {
            return overlay.byName(command.account(), create.name()).orElse(null);
        }
        if (command.payload() instanceof PurgeSecret && command.expectedSecretId() != null) {
            // The scheduler knows the incarnation, not its name: resolve by id, within the command's account.
            return overlay.byId(command.expectedSecretId())
                    .filter(state -> state.account().equals(command.account()))
                    .orElse(null);
        }
        return SecretLocator.locate(command.account(), region, command.secretId(), overlay::byName).orElse(null);
    }
}
