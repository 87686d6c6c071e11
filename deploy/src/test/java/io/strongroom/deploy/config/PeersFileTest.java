package io.strongroom.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.replication.PeerRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peers file lists the other regions; a shared file naming the own region too is fine. */
class PeersFileTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryPeerButTheOwnRegion() throws Exception {
        String key = publicKey();
        Path file = write("""
                [{"name": "us-east-1", "kafkaBootstrap": "kafka-us:9093", "replicationPublicKey": "%s"},
                 {"name": "eu-west-1", "kafkaBootstrap": "kafka-eu:9093",
                  "kafkaProperties": {"security.protocol": "SASL_SSL", "sasl.mechanism": "SCRAM-SHA-512"},
                  "gatewayEndpoint": "https://sm.eu-west-1.example", "replicationPublicKey": "%s"}]
                """.formatted(key, key));

        List<PeerRegion> peers = PeersFile.load(file, "us-east-1");

        assertThat(peers).extracting(PeerRegion::name).containsExactly("eu-west-1");
        assertThat(peers.get(0).kafkaProperties()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(peers.get(0).gatewayEndpoint()).isEqualTo("https://sm.eu-west-1.example");
    }

    @Test
    void refusesAPeerWithoutAValidPublicKeyNamingItButNoPropertyValue() throws Exception {
        Path file = write("""
                [{"name": "eu-west-1", "kafkaBootstrap": "kafka-eu:9093",
                  "kafkaProperties": {"sasl.jaas.config": "password=hunter2"}, "replicationPublicKey": "bm90IGEga2V5"}]
                """);

        assertThatThrownBy(() -> PeersFile.load(file, "us-east-1"))
                .hasMessageContaining("eu-west-1").hasMessageNotContaining("hunter2");
    }

    @Test
    void refusesARegionNamedTwiceAndAnUnreadableFile() throws Exception {
        String key = publicKey();
        Path twice = write("""
                [{"name": "eu-west-1", "kafkaBootstrap": "a:1", "replicationPublicKey": "%s"},
                 {"name": "eu-west-1", "kafkaBootstrap": "b:1", "replicationPublicKey": "%s"}]
                """.formatted(key, key));

        assertThatThrownBy(() -> PeersFile.load(twice, "us-east-1")).hasMessageContaining("twice");
        assertThatThrownBy(() -> PeersFile.load(write("{\"oops\""), "us-east-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("peers file");
    }

    private Path write(String json) throws Exception {
        Path file = Files.createTempFile(dir, "peers", ".json");
        Files.writeString(file, json);
        return file;
    }

    private static String publicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }
}
