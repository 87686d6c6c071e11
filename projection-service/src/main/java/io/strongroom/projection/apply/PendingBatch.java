package io.strongroom.projection.apply;

import io.strongroom.core.event.Outcome;
import io.strongroom.core.secret.EncryptedValue;
import io.strongroom.core.secret.SecretState;
import io.strongroom.store.SecretStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The changes of one poll, staged in one RocksDB write batch, with a view of what the store will hold
 * after it: a later outcome in the same poll must fold onto the state an earlier one produced, and a
 * key that arrived in this poll counts as present for the {@link KeyGate}. Not thread-safe: the
 * apply thread owns it.
 *
 * <p>A state is staged (encoded) once per batch, however many outcomes of the poll changed it: at
 * commit, in the order of each secret's last change. That is the order a write per change would have
 * left the shared keys in (a name freed by one incarnation and taken by the next), and encoding whole
 * states was the largest cost of applying a busy secret's outcomes.
 */
final class PendingBatch implements AutoCloseable {
    private final SecretStore store;
    private final SecretStore.Batch batch;
    /** The states changed in this batch, in the order of their last change. */
    private final Map<String, SecretState> changed = new LinkedHashMap<>();
    /** The states the store held before this batch, of those read: a write over one skips unchanged index entries. */
    private final Map<String, SecretState> stored = new HashMap<>();
    private final Set<String> keysSeen = new HashSet<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private boolean empty = true;
    private int keyRecords;

    PendingBatch(SecretStore store) {
        this.store = store;
        this.batch = store.batch();
    }

    /** The state of an incarnation as of this batch (a purged one included); null if unknown. */
    SecretState state(String secretId) {
        SecretState staged = changed.get(secretId);
        if (staged != null) {
            return staged;
        }
        SecretState held = store.byId(secretId).orElse(null);
        if (held != null) {
            stored.put(secretId, held);
        }
        return held;
    }

    void putState(SecretState state) {
        changed.remove(state.secretId()); // re-inserted last: the order of last changes
        changed.put(state.secretId(), state);
        empty = false;
    }

    /**
     * A key record's value as read (checked to decode), or a tombstone (null). Either way the key
     * "arrived": a shredded key is not awaited. Stored as read: encoding it again cost as much as decoding.
     */
    void putKey(String recordKey, byte[] keyOrTombstone) {
        keysSeen.add(recordKey);
        keyRecords++;
        batch.putKey(recordKey, keyOrTombstone);
        empty = false;
    }

    /** A version's encrypted value, stored apart from the state ({@code SecretVersion}). */
    void putValue(String recordKey, EncryptedValue value) {
        batch.putValue(recordKey, value);
        empty = false;
    }

    void deleteValue(String recordKey) {
        batch.deleteValue(recordKey);
        empty = false;
    }

    boolean hasKey(String recordKey) {
        return keysSeen.contains(recordKey) || store.hasDataKey(recordKey);
    }

    int keyRecords() {
        return keyRecords;
    }

    /** An outcome folded (or, for REJECTED and UNCHANGED, merely passed) in this batch. */
    void applied(Outcome outcome) {
        outcomes.add(outcome);
        empty = false;
    }

    void nextOffset(TopicPartition partition, long offset) {
        batch.nextOffset(partition.topic(), partition.partition(), offset);
        empty = false;
    }

    boolean isEmpty() {
        return empty;
    }

    /** Writes everything atomically; returns the outcomes it applied, in log order per partition. */
    List<Outcome> commit() {
        changed.values().forEach(state -> batch.put(state, stored.get(state.secretId())));
        batch.commit();
        return outcomes;
    }

    @Override
    public void close() {
        batch.close();
    }
}
