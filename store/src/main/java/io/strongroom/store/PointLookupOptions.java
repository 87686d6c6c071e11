package io.strongroom.store;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.LRUCache;

/**
 * The column-family options of a {@link SecretStore}, set for what it mostly does: point lookups of
 * keys that are usually present (a state by id, a data key by {@code secretId/versionId}) between
 * writes in random key order.
 *
 * <p>Why: a rebuild's apply thread spent a third of its time in RocksDB gets (perf): RocksDB's
 * defaults carry no filters, so a lookup searched the whole memtable skip list and read a data block
 * of every sorted file on its way, most of which do not hold the key. Bloom filters on the files (ten
 * bits a key, ~1% false positives) and on the memtable (whole keys) let a lookup skip those. Owns the
 * native objects it makes; close it after the database.
 */
final class PointLookupOptions implements AutoCloseable {
    private static final double BITS_PER_KEY = 10;
    private static final double MEMTABLE_BLOOM_RATIO = 0.1;
    private static final long BLOCK_CACHE_BYTES = 32L << 20;

    private final BloomFilter filter = new BloomFilter(BITS_PER_KEY, false);
    private final LRUCache blockCache = new LRUCache(BLOCK_CACHE_BYTES);
    private final ColumnFamilyOptions options;

    PointLookupOptions() {
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setFilterPolicy(filter)
                .setWholeKeyFiltering(true)
                .setBlockCache(blockCache);
        options = new ColumnFamilyOptions()
                .setTableFormatConfig(table)
                .setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO)
                .setMemtableWholeKeyFiltering(true);
    }

    ColumnFamilyOptions columnFamilies() {
        return options;
    }

    @Override
    public void close() {
        options.close();
        blockCache.close();
        filter.close();
    }
}
