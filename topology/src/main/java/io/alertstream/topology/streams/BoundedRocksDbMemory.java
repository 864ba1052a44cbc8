package io.alertstream.topology.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the memory of all RocksDB stores of the JVM together. Each of Kafka Streams' stores would
 * otherwise get its own block cache and up to three 16 MB memtables, and there is one store per
 * store type and partition: with tens of partitions, memtables alone could grow to gigabytes as
 * alerts are written. Here every store shares one block cache of {@link #TOTAL_BYTES}, and their
 * memtables are charged to it (a quarter of it at most) before they are flushed to disk.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

  static final long TOTAL_BYTES = 64L << 20;
  static final long MEMTABLE_BYTES = TOTAL_BYTES / 4;
  private static final long MEMTABLE_SIZE = 4L << 20;

  private static final class Shared {
    static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
    static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(Shared.CACHE);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(Shared.WRITE_BUFFERS);
    options.setWriteBufferSize(MEMTABLE_SIZE);
    options.setMaxWriteBufferNumber(2);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write buffer manager are shared by every store of the JVM: kept open.
  }
}
