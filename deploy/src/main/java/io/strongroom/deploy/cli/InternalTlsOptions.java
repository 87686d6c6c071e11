package io.strongroom.deploy.cli;

import io.strongroom.projection.tls.InternalTls;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Mutual TLS on the internal projection API: a projection serves with this identity and accepts only
 * clients the CA signed; a gateway presents it and trusts only projections the CA signed.
 */
final class InternalTlsOptions {
    @Option(names = "--internal-cert", description = "PEM certificate (chain) of this service for the internal projection API")
    Path certificate;

    @Option(names = "--internal-key", description = "PEM (PKCS#8) private key of --internal-cert")
    Path privateKey;

    @Option(names = "--internal-ca", description = "PEM CA certificate(s) the other side's certificate must chain to")
    Path trustedCa;

    /** The configured mutual TLS, or null when none of the three options is given. */
    InternalTls tls() {
        if (certificate == null && privateKey == null && trustedCa == null) {
            return null;
        }
        if (certificate == null || privateKey == null || trustedCa == null) {
            throw new IllegalArgumentException("mutual TLS needs all of --internal-cert, --internal-key and --internal-ca");
        }
        return new InternalTls(certificate, privateKey, trustedCa);
    }
}
