package io.strongroom.command.state;

import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretState;
import io.strongroom.store.SecretStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The states a batch has changed but not yet written, layered over the store. Decisions within a
 * batch see each other (a CreateSecret then a PutSecretValue to it); an aborted transaction simply
 * drops the overlay. Insertion order is kept so that, written in order, a purge frees a name before
 * a new incarnation takes it.
 */
public final class StateOverlay {
    private final SecretStore store;
    private final Map<String, SecretState> byId = new LinkedHashMap<>();
    private final Map<String, Optional<String>> idByName = new HashMap<>();
    /** The states read from the store, as it holds them: a write over one skips unchanged index entries. */
    private final Map<String, SecretState> stored = new HashMap<>();

    public StateOverlay(SecretStore store) {
        this.store = store;
    }

    public Optional<SecretState> byName(String account, String name) {
        Optional<String> id = idByName.get(nameKey(account, name));
        if (id != null) {
            return id.map(byId::get);
        }
        return remember(store.byName(account, name));
    }

    public Optional<SecretState> byId(String secretId) {
        SecretState state = byId.get(secretId);
        return state != null ? Optional.of(state) : remember(store.byId(secretId));
    }

    /** What the store holds for a changed state, if it was read from there; null otherwise. */
    public SecretState stored(String secretId) {
        return stored.get(secretId);
    }

    public void put(SecretState state) {
        byId.remove(state.secretId());
        byId.put(state.secretId(), state);
        String key = nameKey(state.account(), state.name());
        idByName.put(key, state.lifecycle() == Lifecycle.PURGED ? Optional.empty() : Optional.of(state.secretId()));
    }

    public Collection<SecretState> changed() {
        return byId.values();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    private Optional<SecretState> remember(Optional<SecretState> fromStore) {
        fromStore.ifPresent(state -> stored.putIfAbsent(state.secretId(), state));
        return fromStore;
    }

    private static String nameKey(String account, String name) {
        return account + '\0' + name;
    }
}
