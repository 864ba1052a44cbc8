package io.alertstream.topology.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for every RocksDB store of the JVM, instead of Kafka Streams' defaults per
 * store (a 50 MB block cache and up to three 16 MB memtables for each of the seven stores of every
 * task): a block cache shared by all stores, with index and filter blocks in it, and memtables
 * bounded together by a write buffer manager that accounts them apart from the block cache.
 */
public final class SharedRocksDbMemory implements RocksDBConfigSetter {

  /** The block cache all stores share. */
  static final long BLOCK_CACHE_BYTES = 64L * 1024 * 1024;

  /** All stores' memtables together; a store flushes early once they reach it. */
  static final long MEMTABLES_BYTES = 32L * 1024 * 1024;

  /** One store's memtable. */
  static final long WRITE_BUFFER_BYTES = 4L * 1024 * 1024;

  private static final Cache BLOCK_CACHE = new LRUCache(BLOCK_CACHE_BYTES);
  private static final WriteBufferManager MEMTABLES =
      new WriteBufferManager(MEMTABLES_BYTES, new LRUCache(MEMTABLES_BYTES));

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(BLOCK_CACHE);
    table.setCacheIndexAndFilterBlocks(true);
    table.setPinL0FilterAndIndexBlocksInCache(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(MEMTABLES);
    options.setWriteBufferSize(WRITE_BUFFER_BYTES);
    options.setMaxWriteBufferNumber(2);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write buffer manager are shared by every store of the JVM: never closed.
  }
}
