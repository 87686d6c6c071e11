package io.strongroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class EmbeddedKafkaTest {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaTest.class);

    @TempDir
    Path tmp;

    @Test
    void transactionalProducerAndReadCommittedConsumerWork() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().logDir(tmp.resolve("kafka")).build()) {
            long t0 = System.nanoTime();
            kafka.start();
            LOG.info("in-process first start (format + start): {} ms", ms(t0));
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.brokerPort());
            assertThat(kafka.logDir().resolve("meta.properties")).exists();
            TestClients.createTopic(kafka.bootstrapServers(), "secrets");

            try (KafkaProducer<String, String> producer = TestClients.producer(kafka.bootstrapServers(), "tx-a")) {
                long t1 = System.nanoTime();
                producer.initTransactions();
                LOG.info("initTransactions on a fresh broker: {} ms", ms(t1));
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("secrets", "k", "aborted"));
                producer.abortTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("secrets", "k", "committed"));
                producer.commitTransaction();
            }

            List<ConsumerRecord<String, String>> records = TestClients.readCommitted(kafka.bootstrapServers(), "secrets", 1);
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed");
        }
    }

    @Test
    void restartOnTheSameDirKeepsTopicsAndRecords() throws Exception {
        Path dir = tmp.resolve("kafka");
        int brokerPort;
        int controllerPort;
        String clusterId;
        RecordMetadata acked;
        try (EmbeddedKafka first = EmbeddedKafka.builder().logDir(dir).build().start()) {
            brokerPort = first.brokerPort();
            controllerPort = first.controllerPort();
            clusterId = first.clusterId();
            TestClients.createTopic(first.bootstrapServers(), "kept");
            try (KafkaProducer<String, String> producer = TestClients.producer(first.bootstrapServers(), null)) {
                acked = producer.send(new ProducerRecord<>("kept", "k", "v1")).get(30, TimeUnit.SECONDS);
            }
        }

        EmbeddedKafka second = EmbeddedKafka.builder().logDir(dir)
                .brokerPort(brokerPort).controllerPort(controllerPort).build();
        try (second) {
            long t0 = System.nanoTime();
            second.start();
            LOG.info("in-process restart after clean close: {} ms", ms(t0));
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(second.bootstrapServers()).isEqualTo("127.0.0.1:" + brokerPort);
            assertThat(TestClients.listTopics(second.bootstrapServers())).contains("kept");
            List<ConsumerRecord<String, String>> records = TestClients.readCommitted(second.bootstrapServers(), "kept", 1);
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.value()).isEqualTo("v1");
                assertThat(r.offset()).isEqualTo(acked.offset());
            });
        }
        assertThat(second.isRunning()).isFalse();
        assertThat(dir).exists();
    }

    @Test
    void failsCleanlyWhenAFixedPortIsTakenAndCanStartAfterwards() throws Exception {
        Path dir = tmp.resolve("kafka");
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            EmbeddedKafka kafka = EmbeddedKafka.builder().logDir(dir).brokerPort(squatter.getLocalPort()).build();
            assertThatThrownBy(kafka::start).isInstanceOf(IllegalStateException.class);
            assertThat(kafka.isRunning()).isFalse();
        }
        // the failed attempt released the log dir lock: the same dir starts fine now
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().logDir(dir).build().start()) {
            assertThat(TestClients.listTopics(kafka.bootstrapServers())).isEmpty();
        }
    }

    @Test
    void withoutALogDirUsesATemporaryOneAndDeletesIt() {
        EmbeddedKafka kafka = EmbeddedKafka.builder().build();
        Path dir = kafka.logDir();
        assertThat(Files.isDirectory(dir)).isTrue();
        kafka.start();
        kafka.close();
        assertThat(dir).doesNotExist();
    }

    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
