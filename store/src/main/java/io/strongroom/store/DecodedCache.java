package io.strongroom.store;

import io.strongroom.core.codec.Json;
import io.strongroom.core.secret.SecretState;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decoded secret states by secret id, each with the exact bytes it was decoded from. A read still
 * fetches the bytes from RocksDB and reuses the decoded state only when they are identical, so it can
 * never serve a stale state and needs no invalidation; it saves the JSON decoding, the largest cost
 * of a read (and, fed by the writes, of the write after a write). {@link SecretState} is immutable,
 * so one instance is shared.
 *
 * <p>Bounded by entries and by the encoded size they stand for (a state with many versions is large,
 * and a heap full of them made every GC slow): starts over when either is reached.
 */
final class DecodedStates {
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_ENCODED_BYTES = 32L * 1024 * 1024;

    record Decoded(byte[] bytes, SecretState state) {}

    private final Map<String, Decoded> decoded = new ConcurrentHashMap<>();
    private final AtomicLong encodedBytes = new AtomicLong();

    SecretState decode(String secretId, byte[] bytes) {
        Decoded known = decoded.get(secretId);
        if (known != null && Arrays.equals(known.bytes(), bytes)) {
            return known.state();
        }
        SecretState state = Json.read(bytes, SecretState.class);
        remember(new Decoded(bytes, state));
        return state;
    }

    /** A state whose bytes were just written, so that reading them back does not decode them again. */
    void remember(Decoded known) {
        if (decoded.size() >= MAX_ENTRIES || encodedBytes.get() + known.bytes().length > MAX_ENCODED_BYTES) {
            decoded.clear();
            encodedBytes.set(0);
        }
        Decoded replaced = decoded.put(known.state().secretId(), known);
        encodedBytes.addAndGet(known.bytes().length - (replaced == null ? 0 : replaced.bytes().length));
    }
}
