package io.strongroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction left open by a broker SIGKILL is aborted by its timeout after the restart. On a
 * single node the restarted broker's partitions are leaderless for a moment while its previous
 * incarnation is fenced; Kafka 4.4 drops transaction markers whose partition has no leader
 * (KAFKA-20734), which would leave the transaction hanging and the partition's last stable
 * offset stuck for good. The restart must not let that happen.
 */
class UncleanRestartTransactionsTest {
    private static final String TOPIC = "hanging";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    @TempDir
    Path tmp;

    @Test
    void aTransactionOpenAtSigkillIsAbortedAndTheLastStableOffsetMovesOn() throws Exception {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.builder().logDir(tmp.resolve("broker"))
                .property("transaction.abort.timed.out.transaction.cleanup.interval.ms", "200")
                .build()) {
            broker.start();
            TestClients.createTopic(broker.bootstrapServers(), TOPIC);
            KafkaProducer<String, String> open = TestClients.producer(broker.bootstrapServers(), "left-open",
                    Map.of("transaction.timeout.ms", "1000"));
            open.initTransactions();
            open.beginTransaction();
            open.send(new ProducerRecord<>(TOPIC, "k", "never committed")).get();

            broker.kill();
            open.close(Duration.ZERO);
            broker.restart();

            try (KafkaProducer<String, String> later = TestClients.producer(broker.bootstrapServers(), "after-restart")) {
                later.initTransactions();
                later.beginTransaction();
                later.send(new ProducerRecord<>(TOPIC, "k", "committed after the restart"));
                later.commitTransaction();
            }
            await("the last stable offset reaches the end of the partition").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(lastStableOffset(broker.bootstrapServers()))
                            .isEqualTo(endOffset(broker.bootstrapServers())));
            assertThat(TestClients.readCommitted(broker.bootstrapServers(), TOPIC, 1))
                    .extracting(r -> r.value()).containsExactly("committed after the restart");
        }
    }

    @Test
    void aSecuredNodeLeftUncleanlyRestartsThroughItsControllerListener() throws Exception {
        Path dir = tmp.resolve("secured");
        EmbeddedKafka kafka = EmbeddedKafka.builder().logDir(dir)
                .scramSecurity(new ScramSecurity("broker", "broker-secret")).build();
        try (kafka) {
            kafka.start();
            kafka.close();
            // What a SIGKILL leaves: the node served, and wrote no clean-shutdown marker.
            Files.delete(dir.resolve(".kafka_cleanshutdown"));
            assertThat(PreviousIncarnation.leftUncleanly(dir)).isTrue();

            kafka.start();

            Properties p = new Properties();
            p.putAll(kafka.clientProperties());
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (Admin admin = Admin.create(p)) {
                assertThat(admin.describeCluster().nodes().get()).extracting(n -> n.id()).containsExactly(1);
            }
        }
        assertThat(PreviousIncarnation.leftUncleanly(dir)).as("closed cleanly this time").isFalse();
    }

    private static long lastStableOffset(String bootstrap) throws Exception {
        return offset(bootstrap, IsolationLevel.READ_COMMITTED);
    }

    private static long endOffset(String bootstrap) throws Exception {
        return offset(bootstrap, IsolationLevel.READ_UNCOMMITTED);
    }

    private static long offset(String bootstrap, IsolationLevel isolation) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            return admin.listOffsets(Map.of(PARTITION, OffsetSpec.latest()), new ListOffsetsOptions(isolation))
                    .partitionResult(PARTITION).get().offset();
        }
    }
}
