package io.strongroom.gateway.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.DeleteSecret;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaCommandBusTest {
    private static final CommandEnvelope COMMAND = new CommandEnvelope("cmd-1", "111122223333",
            "arn:aws:iam::111122223333:user/app", Instant.parse("2030-01-01T00:00:00Z"), "db", "sid",
            new DeleteSecret(7, false));

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final KafkaCommandBus bus = new KafkaCommandBus(producer, "strongroom.commands");

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void aCommandIsAppendedToTheCommandsTopicUnderItsRoutingKey() {
        bus.send(COMMAND, "111122223333/db");

        await().until(() -> producer.history().size() == 1);
        ProducerRecord<String, byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo("strongroom.commands");
        assertThat(record.key()).isEqualTo("111122223333/db");
        assertThat(Records.command(record.value())).isEqualTo(COMMAND);
    }

    @Test
    void sendingCompletesOnlyWhenTheBrokerAcknowledges() {
        CompletableFuture<Void> sent = bus.send(COMMAND, "k");
        await().until(() -> producer.history().size() == 1);

        assertThat(sent).isNotDone();
        producer.completeNext();

        await().until(sent::isDone);
        assertThat(sent).isCompleted();
    }

    @Test
    void aFailedAppendFailsTheSend() {
        CompletableFuture<Void> sent = bus.send(COMMAND, "k");
        await().until(() -> producer.history().size() == 1);

        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker gone"));

        await().until(sent::isDone);
        assertThat(sent).isCompletedExceptionally();
    }

    @Test
    void commandsLingerForOthersToShareTheirRequestWithoutGivingUpDurability() {
        Map<String, Object> config = KafkaCommandBus.producerConfig(KafkaSettings.of("127.0.0.1:9092"), "gateway-test");

        assertThat(config).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "gateway-test");
    }

    @Test
    void aClosedBusRefusesToSend() {
        bus.close();

        assertThat(bus.send(COMMAND, "k")).isCompletedExceptionally();
    }
}
