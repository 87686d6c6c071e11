package io.strongroom.core.crypto;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The master keys a gateway holds: every version of every named key (old versions unwrap old data
 * keys), and for each name its newest version, which wraps new ones. A key is named by an alias
 * ({@code alias/...}) or a key id; further aliases may point at a name. Every KmsKeyId form AWS
 * accepts resolves through {@link KmsKeyId#canonical}.
 */
public final class MasterKeyRing {
    public static final String DEFAULT_KEY = KmsKeyId.DEFAULT;

    private final Map<String, MasterKey> byId = new HashMap<>();
    private final Map<String, MasterKey> currentByName = new HashMap<>();
    private final Map<String, String> aliases;

    public MasterKeyRing(Collection<MasterKey> keys) {
        this(keys, Map.of());
    }

    /** @param aliases extra names ({@code alias/...}) for keys, e.g. an alias for a key named by its key id */
    public MasterKeyRing(Collection<MasterKey> keys, Map<String, String> aliases) {
        for (MasterKey key : keys) {
            byId.put(key.id(), key);
            currentByName.merge(key.name(), key,
                    (a, b) -> Comparator.comparingInt(MasterKey::version).compare(a, b) >= 0 ? a : b);
        }
        this.aliases = Map.copyOf(aliases);
    }

    /** The key that wraps new data keys for a KmsKeyId in any of its forms (null or empty: the default key). */
    public Optional<MasterKey> current(String kmsKeyId) {
        String name = KmsKeyId.canonical(kmsKeyId);
        return Optional.ofNullable(currentByName.get(aliases.getOrDefault(name, name)));
    }

    public Optional<MasterKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every name with its versions, oldest first (for listing; no material). */
    public Map<String, List<Integer>> versionsByName() {
        Map<String, List<Integer>> versions = new TreeMap<>();
        byId.values().stream().sorted(Comparator.comparingInt(MasterKey::version))
                .forEach(k -> versions.computeIfAbsent(k.name(), n -> new java.util.ArrayList<>()).add(k.version()));
        return versions;
    }
}
