package io.strongroom.core.command;

import io.strongroom.core.crypto.WrappedKey;
import java.util.Map;

/**
 * Null fields are left as they are. A value makes a new AWSCURRENT version with the token as its id.
 *
 * @param rewrappedKeys with a new KmsKeyId: the data keys of the versions labelled AWSCURRENT,
 *     AWSPENDING and AWSPREVIOUS, wrapped by the gateway under the new key (as AWS re-encrypts them);
 *     the values' ciphertext does not change, since the data keys stay
 */
public record UpdateSecret(String description, String kmsKeyId, String clientRequestToken, NewValue value,
        Map<String, WrappedKey> rewrappedKeys) implements Command {
    public UpdateSecret {
        rewrappedKeys = rewrappedKeys == null ? Map.of() : Map.copyOf(rewrappedKeys);
    }

    public UpdateSecret(String description, String kmsKeyId, String clientRequestToken, NewValue value) {
        this(description, kmsKeyId, clientRequestToken, value, Map.of());
    }
}
