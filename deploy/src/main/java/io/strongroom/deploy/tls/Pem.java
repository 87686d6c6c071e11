package io.strongroom.deploy.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** PEM files: certificates, and PKCS#8 private keys created owner-only before any byte is written. */
public final class Pem {
    private Pem() {}

    public static void writeCertificate(X509Certificate certificate, Path file) {
        try {
            write(file, "CERTIFICATE", certificate.getEncoded(), false);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate for " + file, e);
        }
    }

    public static void writePrivateKey(PrivateKey key, Path file) {
        write(file, "PRIVATE KEY", key.getEncoded(), true);
    }

    private static void write(Path file, String type, byte[] der, boolean secret) {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            if (secret) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
