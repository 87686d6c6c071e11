package io.strongroom.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.aggregate.HandledCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An instance that falls too far behind the log tells gateways it does not serve, and comes back once caught up. */
class LagBoundTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final BrokerPerClass broker = new BrokerPerClass();

    @TempDir
    Path tmp;
    @RegisterExtension
    final ProjectionFixture fixture = broker.freshTopics();

    @Test
    void healthTurnsUnavailableBeyondTheLagBoundAndBackOnceCaughtUp() throws Exception {
        CommandLog log = fixture.log;
        ProjectionService projection = ProjectionFixture.serving(fixture.start(
                fixture.config(tmp.resolve("p")).withHttp("127.0.0.1", 0).withMaxServingLag(3)));
        URI health = URI.create("http://127.0.0.1:" + projection.httpPort() + "/health");
        log.run(Commands.create("slow"));
        await().atMost(Duration.ofSeconds(10)).until(() -> status(health) == 200);

        // An outcome whose key is still in an open transaction holds its partition back; later outcomes queue behind it.
        HandledCommand held = log.decide(Commands.put("slow", "slow-held"));
        KafkaProducer<String, byte[]> keyWriter = log.openKeysTransaction(held);
        log.publishOutcomeOnly(held);
        for (int i = 0; i < 5; i++) {
            log.run(Commands.put("slow", "slow-" + i));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> status(health) == 503);
        assertThat(projection.isServing()).as("still answers its own in-JVM reads").isTrue();

        keyWriter.commitTransaction();
        keyWriter.close();
        await().atMost(Duration.ofSeconds(15)).until(() -> status(health) == 200);
        assertThat(projection.maxLagRecords()).isLessThanOrEqualTo(3);
    }

    private static int status(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
