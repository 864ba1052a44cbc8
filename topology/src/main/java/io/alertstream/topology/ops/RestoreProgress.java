package io.alertstream.topology.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * What state this instance is restoring from changelogs right now, and how much it has restored:
 * after a fail-over or a scale-out, the records left tell how long until the moved tenants are
 * served again.
 */
public final class RestoreProgress implements StateRestoreListener {

  private final Map<TopicPartition, Long> remaining = new ConcurrentHashMap<>();
  private final LongAdder restored = new LongAdder();
  private final LongAdder completed = new LongAdder();

  @Override
  public void onRestoreStart(
      TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
    remaining.put(partition, Math.max(0, endingOffset - startingOffset));
  }

  @Override
  public void onBatchRestored(
      TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
    restored.add(numRestored);
    remaining.computeIfPresent(partition, (p, left) -> Math.max(0, left - numRestored));
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
    remaining.remove(partition);
    completed.increment();
  }

  @Override
  public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
    remaining.remove(partition);
  }

  /** Changelog records still to restore, over all partitions restoring now. */
  public long remainingRecords() {
    return remaining.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Changelog partitions restoring now. */
  public int restoringPartitions() {
    return remaining.size();
  }

  public long restoredRecords() {
    return restored.sum();
  }

  public long completedRestores() {
    return completed.sum();
  }
}
