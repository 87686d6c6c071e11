package io.strongroom.systemtests.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.audit.AuditOutcome;
import io.strongroom.core.audit.AuditRecord;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import io.strongroom.systemtests.support.AuditTopic;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.SharedRegion;
import io.strongroom.systemtests.support.TestAccount;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * The audit trail through the real pipeline: calls made with the SDK land on {@code strongroom.audit}
 * with their fields and without the value; {@code strongroom audit verify} finds the chain intact,
 * then finds a forged record. The forgery is the last test: it leaves the shared region's chain broken.
 */
@ExtendWith(SharedRegion.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailTest {
    private static final String VALUE = "audit-trail-value-4c1e8d2b";
    private static TestAccount account;
    private static SecretsManagerClient sm;

    @BeforeAll
    static void client() {
        account = SharedRegion.newAccount();
        sm = account.client(SharedRegion.endpoint());
    }

    @AfterAll
    static void close() {
        sm.close();
    }

    private static String bootstrap() {
        return SharedRegion.cluster().bootstrapServers();
    }

    private static AuditRecord recordOf(String requestId) {
        return await("audit record of " + requestId).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> AuditTopic.records(bootstrap()).stream()
                        .filter(r -> requestId.equals(r.requestId())).findFirst().orElse(null), r -> r != null);
    }

    @Test
    @Order(1)
    void aSuccessfulGetSecretValueIsAuditedWithItsCallerAndArnAndNeverItsValue() {
        CreateSecretResponse created = sm.createSecret(b -> b.name("audited").secretString(VALUE));
        GetSecretValueResponse read = sm.getSecretValue(b -> b.secretId("audited"));

        AuditRecord record = recordOf(read.responseMetadata().requestId());

        assertThat(record.action()).isEqualTo("GetSecretValue");
        assertThat(record.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(record.httpStatus()).isEqualTo(200);
        assertThat(record.errorCode()).isNull();
        assertThat(record.account()).isEqualTo(account.accountId());
        assertThat(record.accessKeyId()).isEqualTo(account.accessKeyId());
        assertThat(record.principalArn()).isEqualTo("arn:aws:iam::" + account.accountId() + ":root");
        assertThat(record.resource()).isEqualTo(created.arn());
        assertThat(record.sourceAddress()).isEqualTo("127.0.0.1");
        assertThat(record.time()).isNotNull();
        assertThat(record.hash()).hasSize(64);
        byte[] value = VALUE.getBytes(StandardCharsets.UTF_8);
        for (ConsumerRecord<String, byte[]> raw : AuditTopic.raw(bootstrap())) {
            assertThat(indexOf(raw.value(), value)).as("value bytes in audit record at offset " + raw.offset()).isNegative();
        }
    }

    @Test
    @Order(2)
    void aCallWithAnUnknownAccessKeyIsAuditedAsDeniedUnderTheKeyItClaimed() {
        try (SecretsManagerClient stranger = Clients.secretsManager(SharedRegion.endpoint(), "AKIANOBODYKNOWS00001")) {
            assertThatThrownBy(() -> stranger.getSecretValue(b -> b.secretId("audited")))
                    .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
                        AuditRecord record = recordOf(e.requestId());
                        assertThat(record.outcome()).isEqualTo(AuditOutcome.DENIED);
                        assertThat(record.errorCode()).isEqualTo("UnrecognizedClientException");
                        assertThat(record.httpStatus()).isEqualTo(e.statusCode());
                        assertThat(record.accessKeyId()).isEqualTo("AKIANOBODYKNOWS00001");
                        assertThat(record.account()).isEqualTo("-");
                        assertThat(record.principalArn()).isNull();
                    });
        }
        List<ConsumerRecord<String, byte[]>> raw = AuditTopic.raw(bootstrap());
        assertThat(raw).anyMatch(r -> "-".equals(r.key()));
    }

    @Test
    @Order(3)
    void verifyFindsEveryChainOnTheRealTopicIntact() {
        String requestId = sm.listSecrets().responseMetadata().requestId();
        recordOf(requestId);

        AuditTopic.Run run = AuditTopic.command(bootstrap(), "verify");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.output()).contains("gateway ").contains(": OK").endsWith("OK\n");
        AuditTopic.Run tail = AuditTopic.command(bootstrap(), "tail", "-n", "3");
        assertThat(tail.exitCode()).isZero();
        assertThat(tail.output().lines()).hasSize(3).allMatch(line -> line.startsWith("{\"v\":1,"));
    }

    @Test
    @Order(4)
    void verifyFindsARecordForgedOntoTheTopic() {
        GetSecretValueResponse read = sm.getSecretValue(b -> b.secretId("audited"));
        AuditRecord genuine = recordOf(read.responseMetadata().requestId());
        List<ConsumerRecord<String, byte[]>> raw = AuditTopic.raw(bootstrap());
        int partition = raw.stream().filter(r -> Records.audit(r.value()).requestId().equals(genuine.requestId()))
                .findFirst().orElseThrow().partition();
        // Someone with write access to the topic makes it look as if the read had been refused.
        AuditRecord forged = new AuditRecord(genuine.v(), genuine.gatewayId(), genuine.seq(), genuine.time(),
                genuine.requestId(), genuine.action(), genuine.account(), genuine.accessKeyId(), genuine.principalArn(),
                genuine.resource(), AuditOutcome.DENIED, "AccessDeniedException", 400, genuine.sourceAddress(),
                genuine.dropped(), genuine.prevHash(), genuine.hash());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                KafkaSettings.of(bootstrap()).producer("audit-forger"))) {
            producer.send(new ProducerRecord<>(AuditTopic.TOPIC, partition, genuine.account(), Records.audit(forged)));
        }

        AuditTopic.Run run = AuditTopic.command(bootstrap(), "verify");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.output()).contains("gateway " + genuine.gatewayId() + ": ")
                .containsPattern("BROKEN at seq \\d+: ").endsWith("BROKEN\n");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
