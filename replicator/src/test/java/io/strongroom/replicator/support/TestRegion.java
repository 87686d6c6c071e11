package io.strongroom.replicator.support;

import static org.awaitility.Awaitility.await;

import io.strongroom.command.CommandService;
import io.strongroom.command.CommandServiceConfig;
import io.strongroom.coordination.CuratorClients;
import io.strongroom.coordination.ZooKeeperSettings;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.crypto.KmsKeyId;
import io.strongroom.core.crypto.MasterKey;
import io.strongroom.core.crypto.MasterKeyRing;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.replication.PeerRegion;
import io.strongroom.embedded.EmbeddedKafka;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import io.strongroom.kafka.TopicProvisioner;
import io.strongroom.kafka.Topics;
import io.strongroom.projection.ProjectionConfig;
import io.strongroom.projection.ProjectionService;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One region of a replication test: its own KRaft broker (restartable: its log dir is kept), its own
 * ZooKeeper, a master key, a replication key pair, and the real command-service and projection.
 */
public final class TestRegion implements AutoCloseable {
    public static final String ACCOUNT = "111122223333";
    /** A second master key every test region holds, for replicas wrapped under a key of their own. */
    public static final String CUSTOM_KEY = "alias/replica-key";
    private static final SecureRandom RANDOM = new SecureRandom();

    public final String name;
    public final Topics topics = Topics.standard(3);
    public final EnvelopeCipher cipher;
    public final KeyPair replicationKeys;
    private final Path dir;
    private final EmbeddedKafka broker;
    private final TestingServer zookeeper;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private CommandService commandService;
    private ProjectionService projection;
    private KafkaProducer<String, byte[]> producer;

    public TestRegion(String name, Path dir) throws Exception {
        this.name = name;
        this.dir = dir;
        this.cipher = new EnvelopeCipher(new MasterKeyRing(List.of(new MasterKey(KmsKeyId.DEFAULT, 1, material()),
                new MasterKey(CUSTOM_KEY, 1, material()))), RANDOM);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        this.replicationKeys = generator.generateKeyPair();
        this.broker = EmbeddedKafka.builder().logDir(dir.resolve("kafka")).build().start();
        this.zookeeper = new TestingServer(true);
    }

    private static byte[] material() {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        return material;
    }

    public TestRegion start() {
        TopicProvisioner.ensure(kafka(), topics);
        projection = new ProjectionService(ProjectionConfig.local(name, kafka(), topics, dir.resolve("projection"), name));
        projection.start();
        commandService = new CommandService(RegionCommandService.config(this, dir.resolve("command-service")));
        commandService.start();
        producer = new KafkaProducer<>(kafka().producer("test-gateway-" + name));
        await().atMost(Duration.ofSeconds(60)).until(projection::isServing);
        return this;
    }

    public KafkaSettings kafka() {
        return KafkaSettings.of(broker.bootstrapServers());
    }

    public ProjectionService projection() {
        return projection;
    }

    public PeerRegion asPeer() {
        return new PeerRegion(name, broker.bootstrapServers(), Map.of(), "http://127.0.0.1:0",
                Base64.getEncoder().encodeToString(replicationKeys.getPublic().getEncoded()));
    }

    public ZooKeeperSettings zooKeeperSettings() {
        return new ZooKeeperSettings(zookeeper.getConnectString(), Duration.ofSeconds(3));
    }

    /** A started ZooKeeper client of this region (closed with the region). */
    public CuratorFramework curator() {
        CuratorFramework client = CuratorClients.start(zooKeeperSettings());
        closeables.add(client);
        return client;
    }

    /** Appends a command as the gateway does and waits until the projection applied its outcome. */
    public Outcome submit(CommandEnvelope command, String routingKey) {
        CompletableFuture<Outcome> applied = projection.readModel().awaitOutcome(command.commandId(),
                Duration.ofSeconds(30));
        producer.send(new ProducerRecord<>(topics.commands(), routingKey, Records.command(command)));
        try {
            return applied.get(40, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("command " + command.commandId() + " not applied in " + name, e);
        }
    }

    public void stopBroker() {
        broker.close();
    }

    public void startBroker() {
        broker.start();
    }

    @Override
    public void close() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
        if (commandService != null) {
            commandService.close();
        }
        if (projection != null) {
            projection.stop();
        }
        zookeeper.close();
        broker.close();
    }
}
