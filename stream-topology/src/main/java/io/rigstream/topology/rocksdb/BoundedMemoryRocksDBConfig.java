package io.rigstream.topology.rocksdb;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of this JVM by one setting, {@link #MEMORY_BYTES_CONFIG}: all
 * stores share one block cache, which also holds their index and filter blocks, and their memtables are charged to
 * that same cache through one write-buffer manager (the recipe of the Kafka Streams memory-management guide).
 * Without it each store (and each of its partitions) sizes its own cache and memtables, and memory grows with the
 * number of tasks.
 */
public final class BoundedMemoryRocksDBConfig implements RocksDBConfigSetter {

    /** Streams configuration key: total off-heap bytes for all RocksDB stores of the process. */
    public static final String MEMORY_BYTES_CONFIG = "rigstream.rocksdb.memory.bytes";
    public static final long DEFAULT_MEMORY_BYTES = 256L * 1024 * 1024;

    /** Share of the memory that memtables may take; the rest caches blocks. */
    private static final double WRITE_BUFFER_RATIO = 0.25;
    /** Share of the cache reserved for index and filter blocks, so data blocks cannot evict them. */
    private static final double INDEX_FILTER_RATIO = 0.1;
    private static final long BLOCK_SIZE = 16 * 1024;
    private static final int MEMTABLES_PER_STORE = 3;

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;
    private static long configuredBytes;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long memory = memoryBytes(configs);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        synchronized (BoundedMemoryRocksDBConfig.class) {
            if (cache == null) {
                configuredBytes = memory;
                cache = new LRUCache(memory, -1, false, INDEX_FILTER_RATIO);
                writeBufferManager = new WriteBufferManager((long) (memory * WRITE_BUFFER_RATIO), cache);
            } else if (configuredBytes != memory) {
                throw new ConfigException(MEMORY_BYTES_CONFIG, memory, "differs from the " + configuredBytes
                        + " bytes this JVM's RocksDB memory was already bounded to; one process has one bound");
            }
            table.setBlockCache(cache);
            options.setWriteBufferManager(writeBufferManager);
        }
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_SIZE);
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        options.setWriteBufferSize(Math.max(1024 * 1024, (long) (memory * WRITE_BUFFER_RATIO / 8)));
        options.setTableFormatConfig(table);
    }

    /** The cache and write-buffer manager are shared by every store and outlive any one of them: never closed here. */
    @Override
    public void close(String storeName, Options options) {
    }

    static long memoryBytes(Map<String, Object> configs) {
        Object value = configs.get(MEMORY_BYTES_CONFIG);
        if (value == null) {
            return DEFAULT_MEMORY_BYTES;
        }
        try {
            long bytes = Long.parseLong(value.toString().trim());
            if (bytes < 16L * 1024 * 1024) {
                throw new ConfigException(MEMORY_BYTES_CONFIG, value, "must be at least 16 MiB");
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw new ConfigException(MEMORY_BYTES_CONFIG, value, "must be a number of bytes");
        }
    }
}
