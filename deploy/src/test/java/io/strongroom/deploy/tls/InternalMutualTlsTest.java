package io.strongroom.deploy.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.query.ListQuery;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.query.SecretPage;
import io.strongroom.core.secret.SecretState;
import io.strongroom.projection.client.InternalApi;
import io.strongroom.projection.client.RemoteReadModel;
import io.strongroom.projection.http.ProjectionHttpServer;
import io.strongroom.projection.tls.InternalTls;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The internal projection API over mutual TLS: only a client holding a certificate from the region's CA gets in. */
class InternalMutualTlsTest {
    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static URI base;
    private static CertificateAuthority regionCa;

    @BeforeAll
    static void serve() throws Exception {
        regionCa = CertificateAuthority.create("region CA");
        Pem.writeCertificate(regionCa.certificate(), dir.resolve("ca.pem"));
        regionCa.issue("projection").write(dir.resolve("projection.pem"), dir.resolve("projection-key.pem"));
        vertx = Vertx.vertx();
        ProjectionHttpServer server = new ProjectionHttpServer(vertx, new EmptyModel(),
                () -> new InternalApi.Health("p", "SERVING", 0), () -> true);
        int port = server.listen("127.0.0.1", 0, new InternalTls(dir.resolve("projection.pem"),
                dir.resolve("projection-key.pem"), dir.resolve("ca.pem")))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        base = URI.create("https://127.0.0.1:" + port);
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aGatewayWithACertificateFromTheRegionCaReadsTheProjection() throws Exception {
        regionCa.issue("gateway").write(dir.resolve("gateway.pem"), dir.resolve("gateway-key.pem"));
        RemoteReadModel model = new RemoteReadModel(base,
                new InternalTls(dir.resolve("gateway.pem"), dir.resolve("gateway-key.pem"), dir.resolve("ca.pem")));
        assertThat(model.secret("111122223333", "db").get(30, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefused() {
        CertificateAuthority other = CertificateAuthority.create("other CA");
        other.issue("intruder").write(dir.resolve("intruder.pem"), dir.resolve("intruder-key.pem"));
        RemoteReadModel model = new RemoteReadModel(base,
                new InternalTls(dir.resolve("intruder.pem"), dir.resolve("intruder-key.pem"), dir.resolve("ca.pem")));
        assertThatThrownBy(() -> model.secret("111122223333", "db").get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void aClientWithoutACertificateIsRefused() throws Exception {
        // Trusts the server, presents nothing.
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", regionCa.certificate());
        trust.init(store);
        SSLContext trustOnly = SSLContext.getInstance("TLS");
        trustOnly.init(null, trust.getTrustManagers(), null);
        RemoteReadModel model = new RemoteReadModel(HttpClient.newBuilder().sslContext(trustOnly).build(), base,
                Duration.ofSeconds(10));
        assertThatThrownBy(() -> model.secret("111122223333", "db").get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void plainHttpIsNotServed() {
        RemoteReadModel model = new RemoteReadModel(URI.create("http://127.0.0.1:" + base.getPort()));
        assertThatThrownBy(() -> model.secret("111122223333", "db").get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
    }

    private static final class EmptyModel implements ReadModel {
        @Override
        public CompletableFuture<Optional<SecretState>> secret(String callerAccount, String secretId) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletableFuture<Optional<WrappedKey>> dataKey(String secretId, String versionId) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletableFuture<Optional<io.strongroom.core.crypto.SealedValue>> sealedValue(String secretId,
                String versionId) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletableFuture<SecretPage> listSecrets(ListQuery query) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public CompletableFuture<Outcome> awaitOutcome(String commandId, Duration timeout) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public CompletableFuture<Void> catchUp(Duration timeout) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
