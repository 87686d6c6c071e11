package io.strongroom.deploy.tls;

import io.strongroom.gateway.tls.GatewayTls;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The dev cluster's HTTPS identity under {@code <data-dir>/tls}: a local CA ({@code ca.pem}, the file
 * clients trust: {@code --ca-bundle} / {@code AWS_CA_BUNDLE}) and the gateway's certificate for
 * 127.0.0.1 and localhost. Generated on first use and kept, so clients keep trusting it across restarts.
 */
public record DevTls(Path caBundle, GatewayTls gateway) {
    public static DevTls ensure(Path dataDir) {
        Path dir = dataDir.resolve("tls");
        DevTls tls = new DevTls(dir.resolve("ca.pem"),
                new GatewayTls(dir.resolve("gateway.pem"), dir.resolve("gateway-key.pem")));
        if (!(Files.exists(tls.caBundle) && Files.exists(tls.gateway.certificate())
                && Files.exists(tls.gateway.privateKey()))) {
            CertificateAuthority ca = CertificateAuthority.create("Strongroom dev CA");
            ca.issue("localhost").write(tls.gateway.certificate(), tls.gateway.privateKey());
            Pem.writeCertificate(ca.certificate(), tls.caBundle);
        }
        return tls;
    }
}
