package io.strongroom.command.support;

import io.strongroom.embedded.EmbeddedKafka;
import io.strongroom.kafka.KafkaSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One KRaft broker for the command-service tests of a JVM, and one producer standing in for the
 * writers of the commands topic (gateway, replicator). Each test isolates itself with topics of its
 * own. Started by the first class that uses it, closed (its temporary log dir deleted) when the run ends.
 */
public final class SharedBroker implements BeforeAllCallback {
    private static EmbeddedKafka broker;
    private static KafkaProducer<String, byte[]> producer;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (SharedBroker.class) {
            if (broker != null) {
                return;
            }
            broker = EmbeddedKafka.builder().build().start();
            producer = new KafkaProducer<>(KafkaSettings.of(broker.bootstrapServers()).producer("test-writer"));
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(SharedBroker.class.getName(), (ExtensionContext.Store.CloseableResource) SharedBroker::stop);
        }
    }

    private static void stop() {
        synchronized (SharedBroker.class) {
            producer.close();
            broker.close();
            producer = null;
            broker = null;
        }
    }

    public static String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Sends what the tests put on their commands topics. */
    public static KafkaProducer<String, byte[]> producer() {
        return producer;
    }
}
