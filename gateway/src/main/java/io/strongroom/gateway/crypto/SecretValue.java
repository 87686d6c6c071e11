package io.strongroom.gateway.crypto;

import io.strongroom.core.secret.ValueType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A plaintext secret value and the member it came through (SecretString or SecretBinary). It lives
 * only inside a request: {@link #toString()} shows its type and size, never its content.
 */
public record SecretValue(ValueType type, byte[] bytes) {

    public static SecretValue ofString(String text) {
        return new SecretValue(ValueType.STRING, text.getBytes(StandardCharsets.UTF_8));
    }

    public static SecretValue ofBinary(byte[] bytes) {
        return new SecretValue(ValueType.BINARY, bytes.clone());
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Same member and same bytes, compared in constant time. */
    public boolean sameAs(SecretValue other) {
        return other != null && type == other.type && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretValue value && sameAs(value);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + bytes.length;
    }

    @Override
    public String toString() {
        return "SecretValue[" + type + ", " + bytes.length + " bytes]";
    }
}
