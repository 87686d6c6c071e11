package io.strongroom.store;

import io.strongroom.core.codec.Json;
import io.strongroom.core.crypto.SealedValue;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.secret.EncryptedValue;
import io.strongroom.core.secret.SecretState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Env;
import org.rocksdb.Priority;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A service's local copy of secret state in RocksDB: secrets by incarnation id, the live-name index,
 * versions' encrypted values and wrapped data keys by {@code secretId/versionId} (projection only),
 * and the Kafka offset applied for each partition. State and offsets change together in one
 * {@link Batch}, so after a crash the store is exactly "the log up to the recorded offsets" and
 * catching up from there rebuilds the rest.
 *
 * <p>A version's value is kept apart from the state so that a write stores the one value it adds:
 * with the values inside, every PutSecretValue re-encoded and re-wrote all of the secret's versions.
 *
 * <p>Writes are not fsynced and skip the write-ahead log: Kafka is the source of truth and replay repairs a
 * lost tail (every column family is flushed at once, so a crash loses a consistent tail). For the same
 * reason a store of another {@link StoreFormat} is emptied when opened, and rebuilt from the log.
 */
public final class SecretStore implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
        // Compactions run at the lowest CPU priority (nice 19). A compaction is a burst of a few hundred ms of
        // CPU; at full priority, on a busy machine, it delayed every request for as long. Deferred, it runs in
        // the idle time between requests. Flushes keep normal priority: writes stall while memtables wait. The
        // price: a purge waits for its own compaction (KeyShredding), longer on a saturated machine.
        Env.getDefault().lowerThreadPoolCPUPriority(Priority.LOW);
    }

    private static final byte SEP = 0;

    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final ColumnFamilyHandle offsets;
    private final ColumnFamilyHandle secrets;
    private final ColumnFamilyHandle names;
    private final ColumnFamilyHandle keys;
    private final ColumnFamilyHandle created;
    private final ColumnFamilyHandle access;
    private final ColumnFamilyHandle values;
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    /**
     * No write-ahead log: Kafka is this store's log. Every batch carries the offsets it applies up to, and
     * the column families are flushed together ({@code atomic_flush}), so after a crash the store is the
     * log up to its recorded offsets (an older point than with a WAL) and catch-up replays the rest.
     * Writing each batch a second time into a WAL cost a quarter of a rebuild's RocksDB time (profiled).
     * A clean close flushes what is in memory, so a restart replays nothing. Key material is never
     * written to a WAL file either, which only helps crypto-shredding.
     */
    private final WriteOptions writeOptions = new WriteOptions().setSync(false).setDisableWAL(true);
    private final DecodedCache<SecretState> decodedStates = new DecodedCache<>(StateCodec::decode);
    private final DecodedCache<WrappedKey> decodedKeys = new DecodedCache<>(bytes -> Json.read(bytes, WrappedKey.class));

    private SecretStore(Path dir) throws RocksDBException {
        dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true).setAtomicFlush(true);
        cfOptions = new ColumnFamilyOptions();
        List<ColumnFamilyDescriptor> descriptors = List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions),
                new ColumnFamilyDescriptor(bytes("secrets"), cfOptions),
                new ColumnFamilyDescriptor(bytes("names"), cfOptions),
                new ColumnFamilyDescriptor(bytes("keys"), cfOptions),
                new ColumnFamilyDescriptor(bytes("created"), cfOptions),
                new ColumnFamilyDescriptor(bytes("access"), cfOptions),
                new ColumnFamilyDescriptor(bytes("values"), cfOptions));
        db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
        offsets = handles.get(0);
        secrets = handles.get(1);
        names = handles.get(2);
        keys = handles.get(3);
        created = handles.get(4);
        access = handles.get(5);
        values = handles.get(6);
    }

    /** Opens the store at {@code dir}; one of another format is emptied first ({@link StoreFormat}). */
    public static SecretStore open(Path dir) {
        try {
            Files.createDirectories(dir);
            SecretStore store = new SecretStore(dir);
            if (StoreFormat.check(store.db, store.offsets, store.handles, dir)) {
                return store;
            }
            store.close();
            StoreFormat.empty(dir);
            SecretStore emptied = new SecretStore(dir);
            StoreFormat.check(emptied.db, emptied.offsets, emptied.handles, dir);
            return emptied;
        } catch (Exception e) {
            throw new StoreException("cannot open RocksDB at " + dir, e);
        }
    }

    public Optional<SecretState> byId(String secretId) {
        return get(secrets, bytes(secretId)).map(b -> decodedStates.decode(secretId, b));
    }

    /** The live incarnation holding a name in an account. */
    public Optional<SecretState> byName(String account, String name) {
        return get(names, nameKey(account, name)).flatMap(id -> byId(new String(id, StandardCharsets.UTF_8)));
    }

    public Optional<WrappedKey> dataKey(String recordKey) {
        return get(keys, bytes(recordKey)).map(b -> decodedKeys.decode(recordKey, b));
    }

    /**
     * A version's encrypted value with its wrapped data key; empty when either is gone (a shredded
     * key, a removed version) or was never stored.
     */
    public Optional<SealedValue> sealedValue(String recordKey) {
        return get(values, bytes(recordKey)).flatMap(value -> dataKey(recordKey)
                .map(wrapped -> new SealedValue(VersionValueCodec.decode(value), wrapped)));
    }

    /** Whether a data key is stored, without decoding it. */
    public boolean hasDataKey(String recordKey) {
        return get(keys, bytes(recordKey)).isPresent();
    }

    /** The next offset to read from a topic partition; 0 when nothing was applied yet. */
    public long nextOffset(String topic, int partition) {
        return get(offsets, bytes("offset/" + topic + "/" + partition))
                .map(b -> ByteBuffer.wrap(b).getLong())
                .orElse(0L);
    }

    /**
     * Live secrets of an account in name order, starting after {@code afterName} (null: from the
     * first), at most {@code limit}.
     */
    public List<SecretState> listByName(String account, String afterName, int limit) {
        byte[] prefix = nameKey(account, "");
        byte[] start = afterName == null ? prefix : nameKey(account, afterName);
        List<SecretState> page = new ArrayList<>();
        try (RocksIterator it = db.newIterator(names)) {
            for (it.seek(start); it.isValid() && page.size() < limit; it.next()) {
                byte[] key = it.key();
                if (!startsWith(key, prefix)) {
                    break;
                }
                if (afterName != null && java.util.Arrays.equals(key, start)) {
                    continue;
                }
                byId(new String(it.value(), StandardCharsets.UTF_8)).ifPresent(page::add);
            }
        }
        return page;
    }

    /**
     * One scan step of an account's secrets in CreatedDate order ({@link CreatedOrder}), starting
     * after {@code afterPosition} (null: from the first), keeping those {@code admit} accepts. Stops
     * after {@code wanted} kept secrets or {@code budget} examined ones, whichever comes first.
     */
    public CreatedScan scanByCreated(String account, String afterPosition, boolean descending,
            java.util.function.Predicate<SecretState> admit, int wanted, int budget) {
        return CreatedOrder.scan(db, created, account, afterPosition, descending, this::byId, admit, wanted, budget);
    }

    /** The last day a secret's value was read, as merged from the access topic; empty if never. */
    public Optional<java.time.LocalDate> lastAccessed(String secretId) {
        return get(access, bytes(secretId)).map(b -> java.time.LocalDate.parse(new String(b, StandardCharsets.UTF_8)));
    }

    public Batch batch() {
        return new Batch();
    }

    @Override
    public void close() {
        writeOptions.close();
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        dbOptions.close();
        cfOptions.close();
    }

    /** Changes applied atomically by {@link #commit()}. Not thread-safe; use one per apply step. */
    public final class Batch implements AutoCloseable {
        private final WriteBatch batch = new WriteBatch();
        private final List<String> purged = new ArrayList<>();
        private final Set<String> written = new HashSet<>();

        /**
         * Stores a state; a purged incarnation leaves the store, frees its name and has its data keys
         * shredded ({@link KeyShredding}) when the batch commits.
         */
        public Batch put(SecretState state) {
            return put(state, null);
        }

        /**
         * Stores a state over {@code stored}, the state the store holds for it now (null: none, or not
         * known). The name and CreatedDate index entries are written only when they differ from the
         * stored state's: an incarnation's name and creation never change, so a write that changes
         * neither (every PutSecretValue) skips two of its five or six writes (memtable inserts were a
         * third of a rebuild's apply thread, perf).
         */
        public Batch put(SecretState state, SecretState stored) {
            try {
                byte[] id = bytes(state.secretId());
                byte[] nameKey = nameKey(state.account(), state.name());
                byte[] createdKey = CreatedOrder.key(state);
                if (state.lifecycle() == io.strongroom.core.secret.Lifecycle.PURGED) {
                    batch.delete(secrets, id);
                    batch.delete(names, nameKey);
                    batch.delete(created, createdKey);
                    batch.delete(access, id);
                    byte[][] range = KeyShredding.range(state.secretId());
                    batch.deleteRange(keys, range[0], range[1]);
                    batch.deleteRange(values, range[0], range[1]);
                    purged.add(state.secretId());
                } else {
                    batch.put(secrets, id, StateCodec.encode(state));
                    if (!indexedAlike(stored, state)) {
                        batch.put(names, nameKey, id);
                        batch.put(created, createdKey, id);
                    }
                }
                written.add(state.secretId());
                return this;
            } catch (RocksDBException e) {
                throw new StoreException("cannot stage secret " + state.secretId(), e);
            }
        }

        /** Whether the stored state's index entries are this state's: the same {@link #nameKey} and CreatedDate position. */
        private static boolean indexedAlike(SecretState stored, SecretState state) {
            return stored != null && stored.lifecycle() != io.strongroom.core.secret.Lifecycle.PURGED
                    && stored.account().equals(state.account()) && stored.name().equals(state.name())
                    && CreatedOrder.samePosition(stored, state);
        }

        /**
         * Stores a data key as its key record carried it ({@code Records.key}, the JSON of a
         * {@link WrappedKey}, already checked by the caller); null deletes it (a tombstone).
         */
        public Batch putKey(String recordKey, byte[] encodedKey) {
            try {
                if (encodedKey == null) {
                    batch.delete(keys, bytes(recordKey));
                } else {
                    batch.put(keys, bytes(recordKey), encodedKey);
                }
                return this;
            } catch (RocksDBException e) {
                throw new StoreException("cannot stage key record", e);
            }
        }

        /** Stores the encrypted value of the version {@code recordKey} ({@code secretId/versionId}) names. */
        public Batch putValue(String recordKey, EncryptedValue value) {
            try {
                batch.put(values, bytes(recordKey), VersionValueCodec.encode(value));
                return this;
            } catch (RocksDBException e) {
                throw new StoreException("cannot stage version value", e);
            }
        }

        /** Deletes a removed version's encrypted value. */
        public Batch deleteValue(String recordKey) {
            try {
                batch.delete(values, bytes(recordKey));
                return this;
            } catch (RocksDBException e) {
                throw new StoreException("cannot stage version value deletion", e);
            }
        }

        /** Records a read day; the caller merges (keeps the later day). */
        public Batch putAccess(String secretId, java.time.LocalDate day) {
            try {
                batch.put(access, bytes(secretId), bytes(day.toString()));
                return this;
            } catch (RocksDBException e) {
                throw new StoreException("cannot stage access day", e);
            }
        }

        public Batch nextOffset(String topic, int partition, long offset) {
            try {
                batch.put(offsets, bytes("offset/" + topic + "/" + partition),
                        ByteBuffer.allocate(8).putLong(offset).array());
                return this;
            } catch (RocksDBException e) {
                throw new StoreException("cannot stage offset", e);
            }
        }

        /** Writes atomically; if a secret was purged, its data keys are then compacted out of every file. */
        public void commit() {
            try {
                db.write(writeOptions, batch);
            } catch (RocksDBException e) {
                throw new StoreException("cannot write batch", e);
            } finally {
                batch.close();
            }
            written.forEach(decodedStates::forget);
            if (!purged.isEmpty()) {
                KeyShredding.compactAway(db, handles, keys, purged);
            }
        }

        @Override
        public void close() {
            batch.close();
        }
    }

    private Optional<byte[]> get(ColumnFamilyHandle cf, byte[] key) {
        try {
            return Optional.ofNullable(db.get(cf, key));
        } catch (RocksDBException e) {
            throw new StoreException("cannot read RocksDB", e);
        }
    }

    private static byte[] nameKey(String account, String name) {
        return bytes(account + (char) SEP + name);
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
