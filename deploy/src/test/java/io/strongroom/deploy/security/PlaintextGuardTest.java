package io.strongroom.deploy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.kafka.KafkaSettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaintextGuardTest {
    private static final Map<String, String> SASL_SSL = Map.of("security.protocol", "SASL_SSL");

    @Test
    void plaintextKafkaOnLoopbackIsAllowed() {
        assertThatCode(() -> PlaintextGuard.checkKafka(KafkaSettings.of("127.0.0.1:9092,localhost:9093,[::1]:9094"), false))
                .doesNotThrowAnyException();
    }

    @Test
    void plaintextKafkaOffLoopbackIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> PlaintextGuard.checkKafka(KafkaSettings.of("127.0.0.1:9092,10.0.0.5:9092"), false))
                .isInstanceOf(PlaintextGuard.InsecureConfigurationException.class)
                .hasMessageContaining("refusing to start")
                .hasMessageContaining("10.0.0.5:9092")
                .hasMessageContaining("security.protocol=PLAINTEXT")
                .hasMessageContaining("--insecure");
    }

    @Test
    void saslWithoutEncryptionOffLoopbackIsRefusedToo() {
        KafkaSettings sasl = new KafkaSettings("kafka-1.internal:9092", Map.of("security.protocol", "sasl_plaintext"));
        assertThatThrownBy(() -> PlaintextGuard.checkKafka(sasl, false))
                .hasMessageContaining("security.protocol=SASL_PLAINTEXT");
    }

    @Test
    void encryptedKafkaOffLoopbackIsAllowed() {
        assertThatCode(() -> PlaintextGuard.checkKafka(new KafkaSettings("10.0.0.5:9093", SASL_SSL), false))
                .doesNotThrowAnyException();
        assertThatCode(() -> PlaintextGuard.checkKafka(
                new KafkaSettings("10.0.0.5:9093", Map.of("security.protocol", "SSL")), false))
                .doesNotThrowAnyException();
    }

    @Test
    void theInsecureFlagAcceptsPlaintextOffLoopback() {
        assertThatCode(() -> PlaintextGuard.checkKafka(KafkaSettings.of("10.0.0.5:9092"), true))
                .doesNotThrowAnyException();
        assertThatCode(() -> PlaintextGuard.checkListener("the projection API", "0.0.0.0", false, true))
                .doesNotThrowAnyException();
    }

    @Test
    void aProjectionApiWithoutMutualTlsMayListenOnlyOnLoopback() {
        assertThatCode(() -> PlaintextGuard.checkListener("the projection API", "127.0.0.1", false, false))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PlaintextGuard.checkListener("the projection API", "0.0.0.0", false, false))
                .hasMessageContaining("the projection API would listen in plaintext on 0.0.0.0");
        assertThatCode(() -> PlaintextGuard.checkListener("the projection API", "0.0.0.0", true, false))
                .doesNotThrowAnyException();
    }

    @Test
    void aGatewayMayCallAPlainHttpProjectionOnlyOnLoopback() {
        assertThatCode(() -> PlaintextGuard.checkEndpoint("projection API", URI.create("http://127.0.0.1:7080"), false))
                .doesNotThrowAnyException();
        assertThatCode(() -> PlaintextGuard.checkEndpoint("projection API", URI.create("https://10.0.0.5:7080"), false))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PlaintextGuard.checkEndpoint("projection API", URI.create("http://10.0.0.5:7080"), false))
                .hasMessageContaining("plaintext http on a non-loopback address");
    }

    @Test
    void zooKeeperOffLoopbackNeedsATlsClient() {
        assertThatCode(() -> PlaintextGuard.checkZooKeeper("127.0.0.1:2181/strongroom", false, false))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PlaintextGuard.checkZooKeeper("127.0.0.1:2181,zk-2:2181/strongroom", false, false))
                .hasMessageContaining("ZooKeeper at zk-2:2181");
        assertThatCode(() -> PlaintextGuard.checkZooKeeper("zk-2:2182/strongroom", true, false))
                .doesNotThrowAnyException();
    }

    @Test
    void hostsAreReadFromBootstrapEntries() {
        assertThat(PlaintextGuard.hostOf("10.0.0.5:9092")).isEqualTo("10.0.0.5");
        assertThat(PlaintextGuard.hostOf("[::1]:9092")).isEqualTo("::1");
        assertThat(PlaintextGuard.hostOf("SASL_SSL://broker:9093")).isEqualTo("broker");
        assertThat(PlaintextGuard.isLoopback("127.0.0.2")).isTrue();
        assertThat(PlaintextGuard.isLoopback("0.0.0.0")).isFalse();
        assertThat(PlaintextGuard.isLoopback("no-such-host.invalid")).isFalse();
    }
}
