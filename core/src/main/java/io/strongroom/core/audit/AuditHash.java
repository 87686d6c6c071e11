package io.strongroom.core.audit;

import io.strongroom.core.codec.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code SHA-256(prevHash || canonical bytes)} of an audit record, in lower-case hex. */
final class AuditHash {
    private AuditHash() {}

    static String of(AuditRecord record) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        sha256.update(String.valueOf(record.prevHash()).getBytes(StandardCharsets.US_ASCII));
        sha256.update(Json.write(record.canonicalFields()));
        return HexFormat.of().formatHex(sha256.digest());
    }
}
