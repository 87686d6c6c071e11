package io.strongroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.gateway.projection.ProjectionDirectory;
import io.strongroom.gateway.support.InMemorySecrets;
import io.strongroom.gateway.support.TestGateway;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The gateway serves its port from several event loops, spreading connections over them. */
class GatewayEventLoopsTest {

    @Test
    void connectionsAreServedByAsManyEventLoopsAsConfigured() throws Exception {
        Set<String> servingThreads = ConcurrentHashMap.newKeySet();
        try (TestGateway gateway = TestGateway.start(b -> b.eventLoops(2).readiness(() -> {
            servingThreads.add(Thread.currentThread().getName()); // /health asks readiness on the serving loop
            return true;
        }))) {
            for (int i = 0; i < 8; i++) {
                assertThat(healthOnNewConnection(gateway.endpoint())).isEqualTo(200);
            }
            assertThat(servingThreads).hasSize(2).allSatisfy(name -> assertThat(name).contains("eventloop"));
            // every instance answers API calls too, through the AWS SDK
            for (int i = 0; i < 4; i++) {
                assertThat(gateway.client().listSecrets(r -> { }).secretList()).isEmpty();
            }
        }
    }

    @Test
    void stopClosesEveryInstance() throws Exception {
        TestGateway gateway = TestGateway.start(b -> b.eventLoops(3));
        URI endpoint = gateway.endpoint();
        assertThat(healthOnNewConnection(endpoint)).isEqualTo(200);
        gateway.close();
        assertThatThrownBy(() -> healthOnNewConnection(endpoint)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aTakenPortIsAClearErrorAndLeavesNothingListening() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            InMemorySecrets secrets = new InMemorySecrets(TestGateway.REGION, Clock.systemUTC());
            GatewayServer server = new GatewayServer(GatewayConfig.builder()
                    .region(TestGateway.REGION)
                    .port(taken.getLocalPort())
                    .eventLoops(2)
                    .authenticator(request -> {
                        throw new IllegalStateException("never called");
                    })
                    .commandBus(secrets)
                    .projections(ProjectionDirectory.of(secrets))
                    .cipher(new EnvelopeCipher(TestGateway.keyRing(), new SecureRandom()))
                    .build());
            try {
                assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("cannot bind the gateway to 127.0.0.1:" + taken.getLocalPort())
                        .hasMessageContaining("Address already in use");
                assertThatThrownBy(server::actualPort).isInstanceOf(IllegalStateException.class);
            } finally {
                server.close();
            }
        }
    }

    @Test
    void refusesNoEventLoops() {
        assertThatThrownBy(() -> TestGateway.start(b -> b.eventLoops(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventLoops must be positive");
    }

    /** A fresh client has a connection pool of its own: each call opens a new connection. */
    private static int healthOnNewConnection(URI endpoint) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        return client.send(HttpRequest.newBuilder(endpoint.resolve("/health")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
