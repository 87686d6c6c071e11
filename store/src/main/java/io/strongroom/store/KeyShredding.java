package io.strongroom.store;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a purged secret's data keys leave every RocksDB file, not only the live view. A delete alone
 * leaves the old value in SST files until some later compaction happens to rewrite them. So a purge
 * deletes the range {@code secretId/} of the keys column family, then flushes every column family
 * (the store writes no WAL, so the memtables are the only other place a key was) and compacts that
 * range down to the bottommost level, where the range deletion drops the keys and the SST files that
 * held them are deleted. One place for every kind of purge: it runs on whatever batch makes a state PURGED.
 */
final class KeyShredding {
    private static final Logger LOG = LoggerFactory.getLogger(KeyShredding.class);

    private KeyShredding() {}

    /** The range of a secret's key records: {@code [secretId/, secretId0)} ('0' follows '/'). */
    static byte[][] range(String secretId) {
        return new byte[][] {
            (secretId + "/").getBytes(StandardCharsets.UTF_8),
            (secretId + "0").getBytes(StandardCharsets.UTF_8)
        };
    }

    static void compactAway(RocksDB db, List<ColumnFamilyHandle> all, ColumnFamilyHandle keys,
            Collection<String> secretIds) {
        long t0 = System.nanoTime();
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true);
                CompactRangeOptions compact = new CompactRangeOptions()
                        .setBottommostLevelCompaction(CompactRangeOptions.BottommostLevelCompaction.kForce)
                        .setExclusiveManualCompaction(false)) {
            db.flush(flush, all);
            for (String secretId : secretIds) {
                byte[][] range = range(secretId);
                db.compactRange(keys, range[0], range[1], compact);
            }
        } catch (RocksDBException e) {
            throw new StoreException("cannot compact away the keys of purged secrets", e);
        }
        LOG.info("data keys of {} purged secret(s) compacted out of RocksDB in {} ms", secretIds.size(),
                (System.nanoTime() - t0) / 1_000_000);
    }
}
