package io.strongroom.projection;

import io.strongroom.embedded.EmbeddedKafka;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded Kafka broker for a test class, in a temp log dir: started before the class's first
 * test, closed (and its log dir deleted) after its last. Each test takes {@link #freshTopics()}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final BrokerPerClass broker = new BrokerPerClass();
 * @RegisterExtension
 * final ProjectionFixture fixture = broker.freshTopics();
 * }</pre>
 */
final class BrokerPerClass implements BeforeAllCallback, AfterAllCallback {
    private final Consumer<EmbeddedKafka.Builder> customize;
    private EmbeddedKafka broker;

    BrokerPerClass() {
        this(b -> { });
    }

    /** A broker with {@code customize} applied to its builder (broker properties). */
    BrokerPerClass(Consumer<EmbeddedKafka.Builder> customize) {
        this.customize = customize;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedKafka.Builder builder = EmbeddedKafka.builder();
        customize.accept(builder);
        broker = builder.build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        broker.close();
    }

    /** Per-test topics on this broker; registered as an instance extension, it is closed after the test. */
    ProjectionFixture freshTopics() {
        if (broker == null) {
            throw new IllegalStateException("the broker starts before the class's first test; register it as a static field");
        }
        return new ProjectionFixture(broker);
    }
}
