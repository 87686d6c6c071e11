package io.strongroom.gateway.tls;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Path;
import java.util.Objects;

/** HTTPS for the Secrets Manager endpoint: a PEM certificate chain and its private key (PKCS#8 or PKCS#1). */
public record GatewayTls(Path certificate, Path privateKey) {
    public GatewayTls {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    public HttpServerOptions applyTo(HttpServerOptions options) {
        return options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(certificate.toString()).setKeyPath(privateKey.toString()));
    }
}
