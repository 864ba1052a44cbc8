package io.alertstream.topology.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantPartitionScanTest {

  private static final String TOPIC = "alertstream-alerts";
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

  /** A consumer over one partition whose offsets are looked up by time as the broker would. */
  private static final class Log extends MockConsumer<byte[], byte[]> {
    private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

    Log() {
      super("earliest");
      Node node = new Node(0, "localhost", 9092);
      updatePartitions(
          TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, new Node[] {node}, new Node[] {node})));
      updateBeginningOffsets(Map.of(PARTITION, 0L));
    }

    void append(String tenant, long timestamp, String value) {
      ConsumerRecord<byte[], byte[]> r =
          new ConsumerRecord<>(
              TOPIC,
              0,
              records.size(),
              timestamp,
              TimestampType.CREATE_TIME,
              -1,
              -1,
              tenant.getBytes(StandardCharsets.UTF_8),
              value.getBytes(StandardCharsets.UTF_8),
              new RecordHeaders(),
              Optional.empty());
      records.add(r);
      updateEndOffsets(Map.of(PARTITION, (long) records.size()));
    }

    @Override
    public synchronized void assign(java.util.Collection<TopicPartition> partitions) {
      super.assign(partitions);
      // MockConsumer takes records only for assigned partitions.
      records.forEach(this::addRecord);
    }

    @Override
    public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
        Map<TopicPartition, Long> timestamps) {
      Map<TopicPartition, OffsetAndTimestamp> found = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> r : records) {
        if (r.timestamp() >= timestamps.get(PARTITION)) {
          found.put(PARTITION, new OffsetAndTimestamp(r.offset(), r.timestamp()));
          break;
        }
      }
      return found;
    }
  }

  private final Log log = new Log();
  private final List<String> seen = new ArrayList<>();

  @BeforeEach
  void fill() {
    for (int i = 0; i < 10; i++) {
      log.append(i % 2 == 0 ? "acme" : "other", 1000L * i, "r" + i);
    }
  }

  private TenantPartitionScan.Extent scan(long from, long to, long max) {
    return TenantPartitionScan.scan(
        log,
        TOPIC,
        "acme",
        from,
        to,
        max,
        System.nanoTime() + Duration.ofMinutes(1).toNanos(),
        (ts, value) -> seen.add(ts + ":" + new String(value, StandardCharsets.UTF_8)));
  }

  @Test
  void readsTheTenantsRecordsOfTheRangeOnly() {
    TenantPartitionScan.Extent extent = scan(2000, 6500, TenantPartitionScan.UNBOUNDED);

    assertThat(seen).containsExactly("2000:r2", "4000:r4", "6000:r6");
    assertThat(extent.tenantRecords()).isEqualTo(3);
    assertThat(extent.cut()).isFalse();
    assertThat(extent.firstTimestamp()).isEqualTo(2000);
  }

  @Test
  void withACapItReadsTheLatestRecordsOfTheRangeAndSaysWhereItStarted() {
    TenantPartitionScan.Extent extent = scan(0, 8000, 4);

    assertThat(seen).containsExactly("6000:r6", "8000:r8");
    assertThat(extent.records()).isEqualTo(4);
    assertThat(extent.cut()).isTrue();
    assertThat(extent.firstTimestamp()).isEqualTo(5000);
  }

  @Test
  void aScanPastItsDeadlineFails() {
    assertThatThrownBy(
            () ->
                TenantPartitionScan.scan(
                    log, TOPIC, "acme", 0, 9000, 100, System.nanoTime() - 1, (ts, v) -> {}))
        .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class)
        .hasMessageContaining("reading alertstream-alerts took too long");
  }

  @Test
  void aRangeAfterTheLastRecordReadsNothing() {
    TenantPartitionScan.Extent extent = scan(20_000, 30_000, 4);

    assertThat(seen).isEmpty();
    assertThat(extent.records()).isZero();
  }

  @Test
  void theTenantsPartitionIsTheDefaultPartitionersForItsKey() {
    // org.apache.kafka.clients.producer's BuiltInPartitioner: murmur2 of the key bytes, positive.
    assertThat(TenantPartitionScan.partition("acme", 1)).isZero();
    assertThat(TenantPartitionScan.partition("stage", 6))
        .isEqualTo(
            org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(
                "stage".getBytes(StandardCharsets.UTF_8), 6));
  }
}
