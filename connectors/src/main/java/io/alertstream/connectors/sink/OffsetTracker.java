package io.alertstream.connectors.sink;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of each partition are still being delivered. Offsets are committed only up to the
 * oldest unfinished record, so a restart redelivers what was not finished and loses nothing.
 */
public final class OffsetTracker {

  private final Map<TopicPartition, TreeSet<Long>> open = new HashMap<>();

  public synchronized void started(TopicPartition partition, long offset) {
    open.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
  }

  public synchronized void finished(TopicPartition partition, long offset) {
    TreeSet<Long> offsets = open.get(partition);
    if (offsets != null) {
      offsets.remove(offset);
    }
  }

  public synchronized void forget(Iterable<TopicPartition> partitions) {
    partitions.forEach(open::remove);
  }

  /** The offsets safe to commit: Connect's own, held back to the oldest unfinished record. */
  public synchronized Map<TopicPartition, OffsetAndMetadata> safe(
      Map<TopicPartition, OffsetAndMetadata> consumed) {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    consumed.forEach(
        (partition, offset) -> {
          TreeSet<Long> offsets = open.get(partition);
          if (offsets == null || offsets.isEmpty()) {
            out.put(partition, offset);
          } else if (offsets.first() < offset.offset()) {
            out.put(partition, new OffsetAndMetadata(offsets.first()));
          } else {
            out.put(partition, offset);
          }
        });
    return out;
  }
}
