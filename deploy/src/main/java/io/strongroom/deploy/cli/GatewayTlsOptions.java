package io.strongroom.deploy.cli;

import io.strongroom.gateway.tls.GatewayTls;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** HTTPS for the Secrets Manager endpoint. */
final class GatewayTlsOptions {
    @Option(names = "--tls-cert", description = "PEM certificate (chain) the gateway serves HTTPS with")
    Path certificate;

    @Option(names = "--tls-key", description = "PEM private key of --tls-cert")
    Path privateKey;

    /** The configured HTTPS identity, or null for plain HTTP. */
    GatewayTls tls() {
        if (certificate == null && privateKey == null) {
            return null;
        }
        if (certificate == null || privateKey == null) {
            throw new IllegalArgumentException("HTTPS needs both --tls-cert and --tls-key");
        }
        return new GatewayTls(certificate, privateKey);
    }
}
