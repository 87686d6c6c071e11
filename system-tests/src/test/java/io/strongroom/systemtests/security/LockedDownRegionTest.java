package io.strongroom.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.strongroom.deploy.Strongroom;
import io.strongroom.deploy.tls.CertificateAuthority;
import io.strongroom.deploy.tls.Pem;
import io.strongroom.embedded.EmbeddedKafka;
import io.strongroom.embedded.FreePorts;
import io.strongroom.embedded.ScramSecurity;
import io.strongroom.systemtests.support.Clients;
import io.strongroom.systemtests.support.TestIdentities;
import io.strongroom.systemtests.support.ServicesProcess;
import io.strongroom.systemtests.support.TempDirs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A region deployed as the production samples describe (deploy/config/production): Kafka with SASL/SCRAM
 * and the ACLs {@code strongroom kafka-acls} creates, each service in its own JVM under its own principal,
 * the projection API over mutual TLS and the gateway over HTTPS. The pipeline works end to end, and a
 * client that is not a command writer cannot put a command on the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockedDownRegionTest {
    private static final String COMMANDS = "strongroom.commands";
    private final List<AutoCloseable> started = new ArrayList<>();
    private Path workDir;
    private EmbeddedKafka kafka;
    private ServicesProcess gateway;
    private int gatewayPort;

    @BeforeAll
    void deployLockedDownRegion() throws Exception {
        workDir = Files.createTempDirectory("strongroom-locked-down");
        kafka = track(EmbeddedKafka.builder().logDir(workDir.resolve("kafka"))
                .scramSecurity(new ScramSecurity("broker", "broker-secret")).build().start());
        createScramUsers("gateway", "command-service", "projection-service");
        Path admin = kafkaConfig("admin", kafka.clientProperties());
        assertThat(Strongroom.commandLine().execute("kafka-acls", "--kafka", kafka.bootstrapServers(),
                "--kafka-config", admin.toString(), "--partitions", "4")).isZero();

        CertificateAuthority internalCa = CertificateAuthority.create("region internal CA");
        Pem.writeCertificate(internalCa.certificate(), workDir.resolve("internal-ca.pem"));
        internalCa.issue("projection-a").write(workDir.resolve("projection.pem"), workDir.resolve("projection-key.pem"));
        internalCa.issue("gateway").write(workDir.resolve("gateway-internal.pem"),
                workDir.resolve("gateway-internal-key.pem"));
        CertificateAuthority publicCa = CertificateAuthority.create("public CA");
        Pem.writeCertificate(publicCa.certificate(), workDir.resolve("public-ca.pem"));
        publicCa.issue("localhost").write(workDir.resolve("https.pem"), workDir.resolve("https-key.pem"));

        ServicesProcess commands = service("command-service", List.of("command-service",
                "--data-dir", workDir.resolve("cs").toString()));
        awaitOutput(commands, "caught up events partitions");
        int[] ports = FreePorts.findFreePorts(2);
        gatewayPort = ports[1];
        ServicesProcess projection = service("projection-service", List.of("projection-service",
                "--data-dir", workDir.resolve("projection").toString(), "--port", String.valueOf(ports[0]),
                "--instance", "a", "--internal-cert", workDir.resolve("projection.pem").toString(),
                "--internal-key", workDir.resolve("projection-key.pem").toString(),
                "--internal-ca", workDir.resolve("internal-ca.pem").toString()));
        awaitOutput(projection, "internal API on https://");
        List<String> gatewayArguments = new ArrayList<>(List.of("gateway", "--data-dir", workDir.resolve("gw").toString(),
                "--dev-identities", "--port", String.valueOf(gatewayPort),
                "--tls-cert", workDir.resolve("https.pem").toString(),
                "--tls-key", workDir.resolve("https-key.pem").toString(),
                "--projection", "https://127.0.0.1:" + ports[0],
                "--internal-cert", workDir.resolve("gateway-internal.pem").toString(),
                "--internal-key", workDir.resolve("gateway-internal-key.pem").toString(),
                "--internal-ca", workDir.resolve("internal-ca.pem").toString()));
        gatewayArguments.addAll(TestIdentities.devIdentityOptions("AKIAANYKEY"));
        gateway = service("gateway", gatewayArguments);
    }

    @AfterAll
    void stopAll() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        TempDirs.delete(workDir);
    }

    @Test
    void servicesUnderTheirOwnPrincipalsServeWritesAndReadsOverHttps() {
        try (SecretsManagerClient sm = Clients.secretsManager(
                URI.create("https://127.0.0.1:" + gatewayPort), "AKIAANYKEY", workDir.resolve("public-ca.pem"))) {
            await("gateway ready over HTTPS; its output:\n" + gateway.output()).atMost(Duration.ofSeconds(90))
                    .ignoreExceptions().pollInterval(Duration.ofMillis(500))
                    .until(() -> sm.createSecret(b -> b.name("locked/db").secretString("s3cret")).versionId() != null);
            assertThat(sm.getSecretValue(b -> b.secretId("locked/db")).secretString()).isEqualTo("s3cret");
        }
    }

    @Test
    void aProjectionPrincipalCannotProduceACommand() {
        try (KafkaProducer<String, String> producer = producer(ScramSecurity.client("projection-service",
                password("projection-service")))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(COMMANDS, "k", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theCommandServicePrincipalCannotProduceACommandEither() {
        try (KafkaProducer<String, String> producer = producer(ScramSecurity.client("command-service",
                password("command-service")))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(COMMANDS, "k", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void anUnknownUserIsNotAuthenticated() {
        try (KafkaProducer<String, String> producer = producer(ScramSecurity.client("mallory", "guess"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(COMMANDS, "k", "{}")).get(30, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(causes(e)).anyMatch(SaslAuthenticationException.class::isInstance));
        }
    }

    @Test
    void aClientWithoutSaslCannotConnect() {
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(COMMANDS, "k", "{}")).get(30, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(causes(e))
                            .anyMatch(TimeoutException.class::isInstance));
        }
    }

    private static void awaitOutput(ServicesProcess service, String line) {
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> service.output().contains(line));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no '" + line + "' from the service; its output:\n" + service.output(), e);
        }
    }

    private ServicesProcess service(String name, List<String> arguments) throws IOException {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of("--kafka", kafka.bootstrapServers(), "--partitions", "4", "--kafka-config",
                kafkaConfig(name, ScramSecurity.client(name, password(name))).toString()));
        return track(ServicesProcess.of(workDir, name, all, ServicesProcess.NO_HEALTH)).start();
    }

    private void createScramUsers(String... users) throws Exception {
        List<UserScramCredentialAlteration> upserts = new ArrayList<>();
        for (String user : users) {
            upserts.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password(user)));
        }
        try (Admin admin = Admin.create(new HashMap<>(clientConfig(kafka.clientProperties())))) {
            admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
        }
    }

    private Path kafkaConfig(String name, Map<String, String> properties) throws IOException {
        Properties p = new Properties();
        p.putAll(properties);
        Path file = workDir.resolve(name + "-kafka.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "Kafka client security of " + name);
        }
        return file;
    }

    private KafkaProducer<String, String> producer(Map<String, String> security) {
        Map<String, Object> p = clientConfig(security);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("max.block.ms", "5000");
        p.put("delivery.timeout.ms", "10000");
        p.put("request.timeout.ms", "5000");
        return new KafkaProducer<>(p);
    }

    private Map<String, Object> clientConfig(Map<String, String> security) {
        Map<String, Object> p = new HashMap<>(security);
        p.put("bootstrap.servers", kafka.bootstrapServers());
        return p;
    }

    private static String password(String user) {
        return user + "-password";
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    private <T extends AutoCloseable> T track(T closeable) {
        started.add(closeable);
        return closeable;
    }
}
