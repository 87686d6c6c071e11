package io.strongroom.deploy.tls;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A leaf certificate and its private key, written as PEM files (the key readable by the owner only). */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {
    public void write(Path certificateFile, Path keyFile) {
        Pem.writeCertificate(certificate, certificateFile);
        Pem.writePrivateKey(privateKey, keyFile);
    }
}
