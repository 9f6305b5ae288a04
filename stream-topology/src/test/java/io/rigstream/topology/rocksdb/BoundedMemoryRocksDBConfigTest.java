package io.rigstream.topology.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedMemoryRocksDBConfigTest {

    static {
        RocksDB.loadLibrary();
    }

    /** Options as Kafka Streams hands them over: with a block-based table config already set. */
    private static Options streamsOptions() {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }

    @Test
    void everyStoreGetsTheSharedCacheAndWriteBufferManager() {
        BoundedMemoryRocksDBConfig setter = new BoundedMemoryRocksDBConfig();
        Map<String, Object> configs = Map.of(BoundedMemoryRocksDBConfig.MEMORY_BYTES_CONFIG,
                BoundedMemoryRocksDBConfig.DEFAULT_MEMORY_BYTES);
        try (Options first = streamsOptions(); Options second = streamsOptions()) {
            setter.setConfig("readings", first, configs);
            setter.setConfig("equipment-status", second, configs);
            BlockBasedTableConfig table = (BlockBasedTableConfig) first.tableFormatConfig();
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(first.maxWriteBufferNumber()).isEqualTo(3);
            assertThat(second.writeBufferSize()).isEqualTo(first.writeBufferSize());
            setter.close("readings", first);
        }
    }

    @Test
    void oneProcessHasOneBound() {
        try (Options options = streamsOptions()) {
            new BoundedMemoryRocksDBConfig().setConfig("a", options, Map.of());
            assertThatThrownBy(() -> new BoundedMemoryRocksDBConfig().setConfig("b", options,
                    Map.of(BoundedMemoryRocksDBConfig.MEMORY_BYTES_CONFIG, 64L * 1024 * 1024)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(BoundedMemoryRocksDBConfig.MEMORY_BYTES_CONFIG);
        }
    }

    @Test
    void theBoundMustBeANumberOfAtLeast16Mib() {
        assertThat(BoundedMemoryRocksDBConfig.memoryBytes(Map.of())).isEqualTo(BoundedMemoryRocksDBConfig.DEFAULT_MEMORY_BYTES);
        assertThatThrownBy(() -> BoundedMemoryRocksDBConfig.memoryBytes(Map.of(BoundedMemoryRocksDBConfig.MEMORY_BYTES_CONFIG, "lots")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> BoundedMemoryRocksDBConfig.memoryBytes(Map.of(BoundedMemoryRocksDBConfig.MEMORY_BYTES_CONFIG, "1024")))
                .isInstanceOf(ConfigException.class);
    }
}
