package io.alertstream.topology.streams;

import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * The end offset of an input partition as the instance's consumer last fetched it, so that a task
 * can tell whether it has read all its alerts or some are still buffered or unfetched. Attached to
 * the running {@link KafkaStreams} after the topology is built; unknown until then (and in tests
 * without a broker).
 */
public final class InputEnds {

  /** Never knows an end offset. */
  public static final InputEnds UNKNOWN = new InputEnds();

  private volatile KafkaStreams streams;

  public void attach(KafkaStreams streams) {
    this.streams = streams;
  }

  /** The end offset of {@code partition} if one of this instance's active tasks reads it. */
  OptionalLong endOffset(TopicPartition partition) {
    KafkaStreams current = streams;
    if (current == null) {
      return OptionalLong.empty();
    }
    for (ThreadMetadata thread : current.metadataForLocalThreads()) {
      for (TaskMetadata task : thread.activeTasks()) {
        Long end = task.endOffsets().get(partition);
        if (end != null) {
          return OptionalLong.of(end);
        }
      }
    }
    return OptionalLong.empty();
  }
}
