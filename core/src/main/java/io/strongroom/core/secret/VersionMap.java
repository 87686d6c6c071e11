package io.strongroom.core.secret;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A state's versions by id: immutable, in the order they were added, each keyed by the version's own id
 * object (decoded, the key and the field would be two equal strings). Because no one can change it, a
 * state that does not change its versions shares its predecessor's map, and the fold copies a map once
 * per change instead of twice (into its builder, then defensively into the new state): with up to 100
 * versions, those copies were a tenth of what a put allocated (profiled).
 */
final class VersionMap extends AbstractMap<String, SecretVersion> {
    private static final VersionMap EMPTY = new VersionMap(new LinkedHashMap<>());

    private final LinkedHashMap<String, SecretVersion> byId;

    private VersionMap(LinkedHashMap<String, SecretVersion> byId) {
        this.byId = byId;
    }

    /** The map itself if it is one already, else a copy. */
    static VersionMap copyOf(Map<String, SecretVersion> versions) {
        if (versions instanceof VersionMap map) {
            return map;
        }
        if (versions.isEmpty()) {
            return EMPTY;
        }
        LinkedHashMap<String, SecretVersion> copy = new LinkedHashMap<>(capacity(versions.size()));
        versions.forEach((id, version) -> copy.put(id.equals(version.versionId()) ? version.versionId() : id, version));
        return new VersionMap(copy);
    }

    /** Takes {@code owned} over without copying it: whoever made it must let go of it. */
    static VersionMap adopt(LinkedHashMap<String, SecretVersion> owned) {
        return new VersionMap(owned);
    }

    /** A copy to change; the versions themselves are immutable and shared. */
    LinkedHashMap<String, SecretVersion> mutableCopy() {
        LinkedHashMap<String, SecretVersion> copy = new LinkedHashMap<>(capacity(byId.size() + 1));
        byId.forEach(copy::put);
        return copy;
    }

    @Override
    public SecretVersion get(Object versionId) {
        return byId.get(versionId);
    }

    @Override
    public boolean containsKey(Object versionId) {
        return byId.containsKey(versionId);
    }

    @Override
    public int size() {
        return byId.size();
    }

    @Override
    public Set<Entry<String, SecretVersion>> entrySet() {
        return Collections.unmodifiableMap(byId).entrySet();
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(byId.keySet());
    }

    @Override
    public Collection<SecretVersion> values() {
        return Collections.unmodifiableCollection(byId.values());
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super SecretVersion> action) {
        byId.forEach(action);
    }

    private static int capacity(int entries) {
        return Math.max(16, entries * 4 / 3 + 1);
    }
}
