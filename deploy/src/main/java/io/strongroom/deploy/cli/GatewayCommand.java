package io.strongroom.deploy.cli;

import io.strongroom.core.replication.PeerRegion;
import io.strongroom.deploy.cluster.GatewayAssembly;
import io.strongroom.deploy.security.PlaintextGuard;
import io.strongroom.gateway.GatewayServer;
import io.strongroom.gateway.audit.KafkaAuditTrail;
import io.strongroom.gateway.commands.KafkaCommandBus;
import io.strongroom.gateway.projection.PolledProjectionDirectory;
import io.strongroom.projection.client.RemoteReadModel;
import io.strongroom.projection.tls.InternalTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Run the Secrets Manager endpoint against an external Kafka and projection instances.")
public final class GatewayCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    IdentityOptions identities;

    @Option(names = "--data-dir", required = true, description = "where the master key file and the gateway's audit id live")
    Path dataDir;

    @Option(names = "--projection", required = true, split = ",",
            description = "internal API URLs of the region's projection instances, e.g. https://10.0.0.5:7080")
    List<URI> projections;

    @Mixin
    ListenOptions listen;

    @Mixin
    GatewayTlsOptions https;

    @Mixin
    InternalTlsOptions internalTls;

    @Mixin
    PeersOptions peers;

    @Override
    public Integer call() {
        InternalTls tls = internalTls.tls();
        projections.forEach(uri -> PlaintextGuard.checkEndpoint("projection API", uri, kafka.insecure));
        HttpClient http = RemoteReadModel.httpClient(tls);
        KafkaCommandBus bus = new KafkaCommandBus(kafka.settings(), kafka.topics(), "gateway-" + kafka.region);
        PolledProjectionDirectory directory = new PolledProjectionDirectory(projections.stream()
                .map(uri -> instance(http, uri)).toList(), Duration.ofMillis(500));
        KafkaAuditTrail audit = GatewayAssembly.auditTrail(kafka.settings(), kafka.topics(), dataDir);
        GatewayServer gateway = new GatewayServer(GatewayAssembly.config(kafka.region, listen.host, listen.port,
                        identities.load(), bus, directory, dataDir)
                .peerRegions(peers.peers(kafka.region).stream().map(PeerRegion::name).toList())
                .readiness(() -> !directory.readable().isEmpty())
                .audit(audit)
                .tls(https.tls())
                .eventLoops(listen.eventLoops())
                .build());
        gateway.start();
        System.out.println("Strongroom gateway for region " + kafka.region + " on " + gateway.endpoint());
        return RunUntilStopped.run("gateway", () -> {
            gateway.close();
            audit.close();
            bus.close();
            directory.close();
        });
    }

    /** A projection in another process, probed through its internal API's health endpoint. */
    private static PolledProjectionDirectory.Instance instance(HttpClient http, URI base) {
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(2)).GET().build();
        return new PolledProjectionDirectory.Instance(base.toString(),
                new RemoteReadModel(http, base, RemoteReadModel.DEFAULT_REQUEST_TIMEOUT),
                () -> http.sendAsync(health, HttpResponse.BodyHandlers.discarding())
                        .thenApply(response -> response.statusCode() == 200));
    }
}
