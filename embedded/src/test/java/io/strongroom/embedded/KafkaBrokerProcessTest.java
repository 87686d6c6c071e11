package io.strongroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class KafkaBrokerProcessTest {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerProcessTest.class);

    @TempDir
    Path tmp;

    @Test
    void testClasspathComesFromTheFileWrittenByMaven() {
        assertThat(System.getProperty(KafkaBrokerProcess.CLASSPATH_FILE_PROPERTY)).isNotBlank();
        assertThat(KafkaBrokerProcess.testClasspath()).contains("kafka_2.13-").contains("kafka-server-");
    }

    @Test
    void aChildThatCannotStartFailsFastWithItsOutput() {
        KafkaBrokerProcess broker = KafkaBrokerProcess.builder().logDir(tmp.resolve("broken"))
                .classpath(tmp.resolve("no-such.jar").toString()).build();
        try (broker) {
            assertThatThrownBy(broker::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Could not find or load main class kafka.Kafka");
            assertThat(broker.isAlive()).isFalse();
        }
    }

    @Test
    void acknowledgedRecordSurvivesSigkill() throws Exception {
        Path dir = tmp.resolve("broker");
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.builder().logDir(dir).build()) {
            long t0 = System.nanoTime();
            broker.start();
            LOG.info("child JVM first start (format + launch): {} ms", EmbeddedKafkaTest.ms(t0));
            long firstPid = broker.pid();
            TestClients.createTopic(broker.bootstrapServers(), "durable");
            RecordMetadata acked;
            try (KafkaProducer<String, String> producer = TestClients.producer(broker.bootstrapServers(), "tx-chaos")) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("durable", "k", "before-crash"));
                producer.commitTransaction();
            }
            try (KafkaProducer<String, String> producer = TestClients.producer(broker.bootstrapServers(), null)) {
                acked = producer.send(new ProducerRecord<>("durable", "k", "acked")).get(30, TimeUnit.SECONDS);
            }

            broker.kill();
            assertThat(broker.isAlive()).isFalse();

            long t1 = System.nanoTime();
            broker.restart();
            LOG.info("child JVM restart after SIGKILL: {} ms", EmbeddedKafkaTest.ms(t1));
            assertThat(broker.pid()).isNotEqualTo(firstPid);
            assertThat(broker.logDir()).isEqualTo(dir.toAbsolutePath());

            List<ConsumerRecord<String, String>> records = TestClients.readCommitted(broker.bootstrapServers(), "durable", 2);
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("before-crash", "acked");
            assertThat(records.get(1).offset()).isEqualTo(acked.offset());
        }
        assertThat(dir.resolveSibling("broker.out.log")).exists().content().contains("Kafka Server started");
    }
}
