package io.alertstream.topology.tenancy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads one tenant's records of a topic back by time. Every topic is keyed by tenant, so a tenant's
 * records sit in one partition (the producers' default partitioner: murmur2 of the key); that
 * partition is read from the first record at or after {@code from} until past {@code to}, other
 * tenants' records skipped. With a cap, at most that many records are read, the latest ones: when
 * the range holds more, the scan starts later than {@code from} and says so. A scan that passes its
 * deadline (a broker that stops answering, a partition too long to read) fails with Kafka's {@link
 * TimeoutException}.
 */
public final class TenantPartitionScan {

  /** No cap. */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  private static final Duration POLL = Duration.ofMillis(200);

  /** Takes each of the tenant's records: its timestamp and value bytes. */
  @FunctionalInterface
  public interface RecordHandler {
    void accept(long timestamp, byte[] value);
  }

  /**
   * What one scan read.
   *
   * @param records the records read, every tenant's (the work done)
   * @param tenantRecords the tenant's records among them
   * @param cut whether the range held more than the cap, so its start was left out
   * @param firstTimestamp the timestamp of the first record read, -1 when none was
   */
  public record Extent(long records, long tenantRecords, boolean cut, long firstTimestamp) {

    static final Extent NONE = new Extent(0, 0, false, -1);
  }

  private TenantPartitionScan() {}

  /**
   * A consumer for scans: no group, nothing committed, only committed transactions.
   *
   * @param kafka client properties: bootstrap.servers and the cluster's security settings
   */
  public static KafkaConsumer<byte[], byte[]> consumer(Map<String, String> kafka) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * The partition of a topic with {@code partitions} partitions that holds the tenant's records.
   */
  public static int partition(String tenant, int partitions) {
    return Utils.toPositive(Utils.murmur2(tenant.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /**
   * Hands the tenant's records of {@code topic} timestamped in [{@code from}, {@code to}] (in log
   * order; the scan stops at the first record after {@code to}) to {@code each}, reading at most
   * {@code maxRecords} records, until {@code deadlineNanos} ({@link System#nanoTime()}).
   *
   * @throws TimeoutException past the deadline
   */
  public static Extent scan(
      Consumer<byte[], byte[]> consumer,
      String topic,
      String tenant,
      long from,
      long to,
      long maxRecords,
      long deadlineNanos,
      RecordHandler each) {
    byte[] key = tenant.getBytes(StandardCharsets.UTF_8);
    List<PartitionInfo> partitions = consumer.partitionsFor(topic);
    if (partitions == null || partitions.isEmpty()) {
      return Extent.NONE;
    }
    TopicPartition partition = new TopicPartition(topic, partition(tenant, partitions.size()));
    consumer.assign(List.of(partition));
    long end = consumer.endOffsets(List.of(partition)).get(partition);
    Long first = offsetAt(consumer, partition, Math.max(0, from));
    if (first == null) {
      return Extent.NONE;
    }
    Long afterRange = to == Long.MAX_VALUE ? null : offsetAt(consumer, partition, to + 1);
    long stop = afterRange == null ? end : afterRange;
    boolean cut = maxRecords != UNBOUNDED && stop - first > maxRecords;
    long start = cut ? stop - maxRecords : first;
    consumer.seek(partition, start);
    long read = 0;
    long tenantRecords = 0;
    long firstTimestamp = -1;
    while (consumer.position(partition) < end && read < maxRecords) {
      if (System.nanoTime() > deadlineNanos) {
        throw new TimeoutException(
            "reading " + topic + " took too long: " + read + " records read of the range");
      }
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
        if (r.timestamp() > to || read >= maxRecords) {
          return new Extent(read, tenantRecords, cut, firstTimestamp);
        }
        read++;
        if (firstTimestamp < 0) {
          firstTimestamp = r.timestamp();
        }
        if (r.key() != null && Arrays.equals(r.key(), key) && r.value() != null) {
          tenantRecords++;
          each.accept(r.timestamp(), r.value());
        }
      }
    }
    return new Extent(read, tenantRecords, cut, firstTimestamp);
  }

  private static Long offsetAt(
      Consumer<byte[], byte[]> consumer, TopicPartition partition, long timestamp) {
    OffsetAndTimestamp found =
        consumer.offsetsForTimes(Map.of(partition, timestamp)).get(partition);
    return found == null ? null : found.offset();
  }
}
