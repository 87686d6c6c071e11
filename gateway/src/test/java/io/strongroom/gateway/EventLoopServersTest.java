package io.strongroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventLoopServersTest {

    @Test
    void twoEphemeralStartsOnOneVertxGetPortsOfTheirOwn() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0);
            EventLoopServers a = EventLoopServers.start(vertx, options, r -> r.response().end("a"), 2);
            EventLoopServers b = EventLoopServers.start(vertx, options, r -> r.response().end("b"), 2);
            assertThat(a.port()).isPositive().isNotEqualTo(b.port());
            for (int i = 0; i < 4; i++) { // fresh connections land on every instance of each
                assertThat(body(a.port())).isEqualTo("a");
                assertThat(body(b.port())).isEqualTo("b");
            }
            a.close();
            b.close();
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    private static String body(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
