package io.alertstream.topology.replay;

import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotifiedAlert;
import io.alertstream.schemas.Topics;
import io.alertstream.schemas.serde.AvroDeserializer;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import io.alertstream.topology.streams.TopologySettings;
import io.alertstream.topology.tenancy.TenantPartitionScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads one tenant's records back from the topics, by time: its partition of each topic (records
 * are keyed by tenant), from the first offset at or after {@code from} until past {@code to}.
 */
public final class RecordReader {

  private final Map<String, String> kafka;
  private final SchemaRegistryClient registry;

  /**
   * @param kafka client properties: bootstrap.servers and the cluster's security settings
   */
  /** How long reading one replay's records may take. */
  public static final java.time.Duration READ_TIMEOUT = java.time.Duration.ofSeconds(60);

  public RecordReader(Map<String, String> kafka, SchemaRegistryClient registry) {
    this.kafka = Map.copyOf(kafka);
    this.registry = registry;
  }

  /**
   * Reads the tenant's records of the range.
   *
   * @throws org.apache.kafka.common.errors.TimeoutException if that takes longer than {@link
   *     #READ_TIMEOUT}
   */
  public Recorded read(String tenant, long from, long to) {
    long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
    List<Recorded.Input> alerts = new ArrayList<>();
    List<Recorded.Input> silences = new ArrayList<>();
    List<Recorded.Sent> sent = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = TenantPartitionScan.consumer(kafka)) {
      scan(
          consumer,
          Topics.ALERTS,
          tenant,
          from,
          to,
          deadline,
          (ts, v) -> alerts.add(new Recorded.Input(ts, v)));
      scan(
          consumer,
          Topics.SILENCES,
          tenant,
          0,
          to,
          deadline,
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
            deadline,
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

  private static void scan(
      KafkaConsumer<byte[], byte[]> consumer,
      String topic,
      String tenant,
      long from,
      long to,
      long deadline,
      TenantPartitionScan.RecordHandler each) {
    TenantPartitionScan.scan(
        consumer, topic, tenant, from, to, TenantPartitionScan.UNBOUNDED, deadline, each);
  }
}
