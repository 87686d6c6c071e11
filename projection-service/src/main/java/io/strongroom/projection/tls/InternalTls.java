package io.strongroom.projection.tls;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Path;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Mutual TLS for the internal projection API, from PEM files: this side's certificate chain and
 * PKCS#8 private key, and the CA that must have signed the other side's certificate. A projection
 * serves with it and requires a client certificate; a gateway presents its own and trusts only the CA.
 */
public record InternalTls(Path certificate, Path privateKey, Path trustedCa) {
    public InternalTls {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(trustedCa, "trustedCa");
    }

    /** Server side: HTTPS with this identity, and only clients whose certificate the CA signed. */
    public HttpServerOptions applyTo(HttpServerOptions options) {
        return options.setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(certificate.toString())
                        .setKeyPath(privateKey.toString()))
                .setTrustOptions(new PemTrustOptions().addCertPath(trustedCa.toString()))
                .setClientAuth(ClientAuth.REQUIRED);
    }

    /** Client side: presents this identity and trusts servers the CA signed (host names are verified). */
    public SSLContext clientContext() {
        return PemSslContext.create(certificate, privateKey, trustedCa);
    }
}
