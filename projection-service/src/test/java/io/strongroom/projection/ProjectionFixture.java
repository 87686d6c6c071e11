package io.strongroom.projection;

import static org.awaitility.Awaitility.await;

import io.strongroom.embedded.EmbeddedKafka;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.TopicProvisioner;
import io.strongroom.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Per-test topics on a class's broker, a stand-in command-service writing to them, and the projection
 * instances a test starts (all stopped at the end: on {@link #close()}, or after the test when it is
 * registered as an extension).
 */
final class ProjectionFixture implements AutoCloseable, AfterEachCallback {
    private static final AtomicInteger TESTS = new AtomicInteger();

    final KafkaSettings kafka;
    final Topics topics;
    final CommandLog log;
    private final List<ProjectionService> started = new ArrayList<>();

    ProjectionFixture(EmbeddedKafka broker) {
        kafka = KafkaSettings.of(broker.bootstrapServers());
        String prefix = "t" + TESTS.incrementAndGet() + "-" + System.nanoTime();
        topics = new Topics(prefix + ".commands", prefix + ".events", prefix + ".keys", 3);
        TopicProvisioner.ensure(kafka, topics);
        log = new CommandLog(kafka, topics);
    }

    ProjectionService start(ProjectionConfig config) {
        ProjectionService service = new ProjectionService(config);
        started.add(service);
        service.start();
        return service;
    }

    ProjectionConfig config(Path dataDir) {
        return ProjectionConfig.local(CommandLog.REGION, kafka, topics, dataDir, "p" + started.size());
    }

    ProjectionService startServing(Path dataDir) {
        return serving(start(config(dataDir)));
    }

    static ProjectionService serving(ProjectionService service) {
        await().atMost(Duration.ofSeconds(30)).until(service::isServing);
        return service;
    }

    static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        started.forEach(ProjectionService::stop);
        log.close();
    }
}
