package io.alertstream.topology.replay;

import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotifiedAlert;
import io.alertstream.schemas.Topics;
import io.alertstream.schemas.serde.AvroDeserializer;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import io.alertstream.topology.streams.TopologySettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads one tenant's records back from the topics, by time: its partition of each topic (records
 * are keyed by tenant), from the first offset at or after {@code from} until past {@code to}.
 */
public final class RecordReader {

  private static final Duration POLL = Duration.ofMillis(200);

  private final Map<String, String> kafka;
  private final SchemaRegistryClient registry;

  /**
   * @param kafka client properties: bootstrap.servers and the cluster's security settings
   */
  public RecordReader(Map<String, String> kafka, SchemaRegistryClient registry) {
    this.kafka = Map.copyOf(kafka);
    this.registry = registry;
  }

  public Recorded read(String tenant, long from, long to) {
    List<Recorded.Input> alerts = new ArrayList<>();
    List<Recorded.Input> silences = new ArrayList<>();
    List<Recorded.Sent> sent = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      scan(
          consumer,
          Topics.ALERTS,
          tenant,
          from,
          to,
          (ts, v) -> alerts.add(new Recorded.Input(ts, v)));
      scan(
          consumer,
          Topics.SILENCES,
          tenant,
          0,
          to,
          (ts, v) -> silences.add(new Recorded.Input(ts, v)));
      AvroDeserializer<Notification> notifications =
          new AvroDeserializer<>(Notification.class, registry);
      for (String type : TopologySettings.INTEGRATION_TYPES) {
        String topic = Topics.notifications(type);
        scan(
            consumer,
            topic,
            tenant,
            from,
            to,
            (ts, v) -> sent.add(sent(ts, notifications.deserialize(topic, v))));
      }
    }
    sent.sort(java.util.Comparator.comparingLong(Recorded.Sent::at));
    return new Recorded(alerts, silences, sent);
  }

  static Recorded.Sent sent(long at, Notification n) {
    List<String> firing = new ArrayList<>();
    List<String> resolved = new ArrayList<>();
    for (NotifiedAlert a : n.getAlerts()) {
      (a.getStatus() == AlertStatus.FIRING ? firing : resolved).add(a.getFingerprint());
    }
    return new Recorded.Sent(
        at,
        n.getReceiver(),
        n.getIntegration().getType(),
        n.getIntegration().getIndex(),
        n.getGroupKey(),
        n.getStatus().name().toLowerCase(Locale.ROOT),
        firing,
        resolved);
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static void scan(
      KafkaConsumer<byte[], byte[]> consumer,
      String topic,
      String tenant,
      long from,
      long to,
      BiConsumer<Long, byte[]> each) {
    int partitions = consumer.partitionsFor(topic).size();
    byte[] key = tenant.getBytes(StandardCharsets.UTF_8);
    TopicPartition partition =
        new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % partitions);
    consumer.assign(List.of(partition));
    Map<TopicPartition, Long> query = new HashMap<>();
    query.put(partition, from);
    OffsetAndTimestamp start = consumer.offsetsForTimes(query).get(partition);
    long end = consumer.endOffsets(List.of(partition)).get(partition);
    if (start == null) {
      return;
    }
    consumer.seek(partition, start.offset());
    while (consumer.position(partition) < end) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
        if (r.timestamp() > to) {
          return;
        }
        if (r.key() != null && java.util.Arrays.equals(r.key(), key) && r.value() != null) {
          each.accept(r.timestamp(), r.value());
        }
      }
    }
  }
}
