package io.strongroom.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layout a store was written in, marked in its default column family. Format 3 keeps states as
 * {@link StateCodec} records; format 2 kept them as JSON, with versions' values apart from the states;
 * format 1 (no marker) kept the values inside. A store is a cache of the log,
 * so one of another format is not migrated: it is emptied, and the service rebuilds it from the log
 * exactly as after losing its disk.
 */
final class StoreFormat {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFormat.class);

    static final int CURRENT = 3;
    private static final int UNMARKED = 1;
    private static final byte[] KEY = "format".getBytes(StandardCharsets.UTF_8);

    private StoreFormat() {}

    /**
     * True if the store can be used as it is: of the current format, or empty (it is then marked);
     * false if it must be {@linkplain #empty emptied} first.
     */
    static boolean check(RocksDB db, ColumnFamilyHandle marks, List<ColumnFamilyHandle> all, Path dir)
            throws RocksDBException {
        byte[] marker = db.get(marks, KEY);
        int format = marker == null ? UNMARKED : ByteBuffer.wrap(marker).getInt();
        if (format == CURRENT) {
            return true;
        }
        if (marker == null && isEmpty(db, all)) {
            db.put(marks, KEY, ByteBuffer.allocate(Integer.BYTES).putInt(CURRENT).array());
            return true;
        }
        LOG.warn("store at {} has format {}, this build uses format {}: emptying it, to be rebuilt from the log",
                dir, format, CURRENT);
        return false;
    }

    /** Deletes the store's files; the next open creates it empty. */
    static void empty(Path dir) throws RocksDBException {
        try (Options options = new Options()) {
            RocksDB.destroyDB(dir.toString(), options);
        }
    }

    private static boolean isEmpty(RocksDB db, List<ColumnFamilyHandle> all) {
        for (ColumnFamilyHandle handle : all) {
            try (RocksIterator it = db.newIterator(handle)) {
                it.seekToFirst();
                if (it.isValid()) {
                    return false;
                }
            }
        }
        return true;
    }
}
