package io.strongroom.store;

import io.strongroom.core.secret.EncryptedValue;
import io.strongroom.core.secret.ValueType;
import java.util.Arrays;

/**
 * A version's encrypted value as the store keeps it: one byte naming the field it was written
 * through ('S' SecretString, 'B' SecretBinary), then the ciphertext as it is. No JSON: the ciphertext
 * is opaque, and base64 would make it a third larger and cost encoding on every write.
 */
final class VersionValueCodec {
    private static final byte STRING = 'S';
    private static final byte BINARY = 'B';

    private VersionValueCodec() {}

    static byte[] encode(EncryptedValue value) {
        byte[] ciphertext = value.ciphertext();
        byte[] encoded = new byte[ciphertext.length + 1];
        encoded[0] = value.type() == ValueType.STRING ? STRING : BINARY;
        System.arraycopy(ciphertext, 0, encoded, 1, ciphertext.length);
        return encoded;
    }

    static EncryptedValue decode(byte[] encoded) {
        ValueType type = switch (encoded[0]) {
            case STRING -> ValueType.STRING;
            case BINARY -> ValueType.BINARY;
            default -> throw new StoreException("unknown value type byte " + encoded[0], null);
        };
        return new EncryptedValue(type, Arrays.copyOfRange(encoded, 1, encoded.length));
    }
}
