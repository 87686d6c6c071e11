package io.strongroom.store;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values decoded from the store's records (secret states, wrapped data keys), by key, each with the exact
 * bytes it was decoded from. A read still fetches the bytes from RocksDB and reuses the decoded value
 * only when they are identical, so it can never serve a stale value and needs no invalidation; it
 * saves the decoding, the largest cost of a read. The values are immutable, so one instance is shared.
 *
 * <p>A key written is {@link #forget forgotten}, not refreshed: the value a write replaces would
 * otherwise stay reachable until the next write of that key, so under a stream of writes every young
 * collection copied the whole cache (young pauses of 36 to 117 ms at 2,000 puts/s with 8 MB of
 * remembered states). Forgotten, it dies young; the next read decodes the new bytes once.
 *
 * <p>Bounded by entries and by the encoded size they stand for (a state with many versions is large,
 * and a heap full of them made every GC slow): starts over when either is reached.
 */
final class DecodedCache<T> {
    /**
     * Well above the secrets a region reads often: a read of one that was dropped decodes it again. The
     * byte bound below stays the one that limits a cache of large states.
     */
    static final int MAX_ENTRIES = 50_000;
    /**
     * A decoded state takes about four times its binary record ({@link StateCodec}), so 8 MB of records
     * stand for about the heap 32 MB of JSON records did. A bigger bound is not worth it: a record decodes
     * in under 10 µs.
     */
    static final long MAX_ENCODED_BYTES = 8L * 1024 * 1024;

    private record Decoded<T>(byte[] bytes, T value) {}

    private final Function<byte[], T> decoder;
    private final Map<String, Decoded<T>> decoded = new ConcurrentHashMap<>();
    private final AtomicLong encodedBytes = new AtomicLong();

    DecodedCache(Function<byte[], T> decoder) {
        this.decoder = decoder;
    }

    T decode(String key, byte[] bytes) {
        Decoded<T> known = decoded.get(key);
        if (known != null && Arrays.equals(known.bytes(), bytes)) {
            return known.value();
        }
        T value = decoder.apply(bytes);
        remember(key, bytes, value);
        return value;
    }

    /** The key was just written: its decoded value, if any, is of bytes no longer stored. */
    void forget(String key) {
        Decoded<T> dropped = decoded.remove(key);
        if (dropped != null) {
            encodedBytes.addAndGet(-dropped.bytes().length);
        }
    }

    private void remember(String key, byte[] bytes, T value) {
        if (decoded.size() >= MAX_ENTRIES || encodedBytes.get() + bytes.length > MAX_ENCODED_BYTES) {
            decoded.clear();
            encodedBytes.set(0);
        }
        Decoded<T> replaced = decoded.put(key, new Decoded<>(bytes, value));
        encodedBytes.addAndGet(bytes.length - (replaced == null ? 0 : replaced.bytes().length));
    }
}
