package io.strongroom.gateway.crypto;

import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.crypto.WrappedKey;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data keys of recently read versions, unwrapped, so a hot secret's read opens its value with one
 * AES-GCM decryption instead of two (the unwrap was a third of a GetSecretValue's crypto CPU).
 * An entry is used only while the wrapped key the read model hands in is byte for byte the one it
 * was unwrapped from, and its master key is still in the ring: a shredded or re-wrapped key is never
 * served from here (the read model is still asked for the wrapped key on every read). Keyed by the
 * associated data {@code account/secretId/versionId}. Bounded: starts over when full. Keys live
 * only in this map: never logged, never in a message or {@code toString}.
 */
public final class DataKeyCache {
    static final int MAX_ENTRIES = 10_000;

    private static final class Entry {
        final String masterKeyId;
        final byte[] wrapped;
        final byte[] dataKey;

        Entry(String masterKeyId, byte[] wrapped, byte[] dataKey) {
            this.masterKeyId = masterKeyId;
            this.wrapped = wrapped.clone();
            this.dataKey = dataKey;
        }

        boolean unwraps(WrappedKey key) {
            return masterKeyId.equals(key.masterKeyId()) && Arrays.equals(wrapped, key.ciphertext());
        }

        @Override
        public String toString() {
            return "DataKeyCache.Entry[" + masterKeyId + "]";
        }
    }

    private final EnvelopeCipher cipher;
    private final Map<String, Entry> byContext = new ConcurrentHashMap<>();

    public DataKeyCache(EnvelopeCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * The data key {@code wrapped} holds under {@code associatedData}; empty when it does not open.
     * The array is shared: the caller must neither change nor keep it.
     */
    public Optional<byte[]> dataKey(WrappedKey wrapped, String associatedData) {
        Entry known = byContext.get(associatedData);
        if (known != null && known.unwraps(wrapped) && cipher.keys().byId(wrapped.masterKeyId()).isPresent()) {
            return Optional.of(known.dataKey);
        }
        Optional<byte[]> unwrapped = cipher.unwrap(wrapped, associatedData);
        unwrapped.ifPresent(key -> {
            if (byContext.size() >= MAX_ENTRIES) {
                // evicted keys are not zeroed: another thread may be decrypting with one right now
                byContext.clear();
            }
            byContext.put(associatedData, new Entry(wrapped.masterKeyId(), wrapped.ciphertext(), key));
        });
        return unwrapped;
    }

    int size() {
        return byContext.size();
    }
}
