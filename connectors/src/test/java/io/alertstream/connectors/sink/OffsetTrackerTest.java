package io.alertstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

  private final TopicPartition p0 = new TopicPartition("t", 0);
  private final TopicPartition p1 = new TopicPartition("t", 1);

  @Test
  void commitsStopAtTheOldestUnfinishedRecord() {
    OffsetTracker tracker = new OffsetTracker();
    for (long o = 10; o < 13; o++) {
      tracker.started(p0, o);
    }
    tracker.started(p1, 5);
    tracker.finished(p0, 10);
    tracker.finished(p0, 12);
    tracker.finished(p1, 5);

    Map<TopicPartition, OffsetAndMetadata> safe =
        tracker.safe(Map.of(p0, new OffsetAndMetadata(13), p1, new OffsetAndMetadata(6)));

    assertThat(safe.get(p0).offset()).isEqualTo(11);
    assertThat(safe.get(p1).offset()).isEqualTo(6);
  }

  @Test
  void forgottenPartitionsCommitWhatConnectConsumed() {
    OffsetTracker tracker = new OffsetTracker();
    tracker.started(p0, 1);

    tracker.forget(List.of(p0));

    assertThat(tracker.safe(Map.of(p0, new OffsetAndMetadata(2))).get(p0).offset()).isEqualTo(2);
  }
}
