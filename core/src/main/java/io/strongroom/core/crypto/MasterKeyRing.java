package io.strongroom.core.crypto;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The master keys a gateway holds: every version of every named key (old versions unwrap old data
 * keys), and for each name its newest version, which wraps new ones.
 */
public final class MasterKeyRing {
    public static final String DEFAULT_KEY = "alias/aws/secretsmanager";

    private final Map<String, MasterKey> byId = new HashMap<>();
    private final Map<String, MasterKey> currentByName = new HashMap<>();

    public MasterKeyRing(Collection<MasterKey> keys) {
        for (MasterKey key : keys) {
            byId.put(key.id(), key);
            currentByName.merge(key.name(), key,
                    (a, b) -> Comparator.comparingInt(MasterKey::version).compare(a, b) >= 0 ? a : b);
        }
    }

    /** The key that wraps new data keys for a KmsKeyId (null: the default key). */
    public Optional<MasterKey> current(String kmsKeyId) {
        return Optional.ofNullable(currentByName.get(kmsKeyId == null ? DEFAULT_KEY : kmsKeyId));
    }

    public Optional<MasterKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
