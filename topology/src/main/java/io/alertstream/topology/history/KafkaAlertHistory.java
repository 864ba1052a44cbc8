package io.alertstream.topology.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.serde.AlertRecords;
import io.alertstream.schemas.serde.AvroDeserializer;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import io.alertstream.schemas.serde.SchemaRegistryException;
import io.alertstream.topology.explain.Decision;
import io.alertstream.topology.streams.TopologySettings;
import io.alertstream.topology.tenancy.TenantPartitionScan;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert history read from what Kafka holds: the tenant's receipts on the alerts topic (from an
 * hour before the range, so that alerts already firing at its start are known), its decisions on
 * the decisions topic and its notifications on the notification topics (a notification is the
 * decision to notify), each topic read up to a cap of records per request.
 */
public final class KafkaAlertHistory implements AlertHistory {

  /** Records of the alerts topic one request reads at most. */
  public static final long MAX_ALERT_RECORDS = 400_000;

  /** Records of the decisions topic one request reads at most. */
  public static final long MAX_DECISION_RECORDS = 100_000;

  /** Records of each notification topic one request reads at most. */
  public static final long MAX_NOTIFICATION_RECORDS = 100_000;

  /** How long one request may read; below the 30 s a forwarded request waits for its answer. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

  /** How long before the range receipts are read, for alerts that were firing at its start. */
  public static final Duration LOOKBACK = Duration.ofHours(1);

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final Logger LOG = LoggerFactory.getLogger(KafkaAlertHistory.class);

  private final Map<String, String> kafka;
  private final SchemaRegistryClient registry;
  private final String alertsTopic;
  private final String decisionsTopic;
  private final List<String> notificationTopics;

  /**
   * @param kafka client properties: bootstrap.servers and the cluster's security settings
   */
  public KafkaAlertHistory(
      Map<String, String> kafka, SchemaRegistryClient registry, TopologySettings settings) {
    this.kafka = Map.copyOf(kafka);
    this.registry = registry;
    this.alertsTopic = settings.alertsTopic();
    this.decisionsTopic = settings.decisionsTopic();
    this.notificationTopics =
        TopologySettings.INTEGRATION_TYPES.stream().map(settings::notificationsTopic).toList();
  }

  @Override
  public History read(String tenant, HistoryQuery query) {
    HistoryAssembler assembler = new HistoryAssembler(query);
    AlertRecords alerts = new AlertRecords(registry);
    AvroDeserializer<Notification> notifications =
        new AvroDeserializer<>(Notification.class, registry);
    Unreadable unreadable = new Unreadable();
    List<TenantPartitionScan.Extent> extents = new ArrayList<>();
    long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = TenantPartitionScan.consumer(kafka)) {
      extents.add(
          TenantPartitionScan.scan(
              consumer,
              alertsTopic,
              tenant,
              query.from() - LOOKBACK.toMillis(),
              query.to(),
              MAX_ALERT_RECORDS,
              deadline,
              (ts, value) -> {
                try {
                  for (AlertEvent alert : alerts.read(alertsTopic, value).alerts()) {
                    assembler.receipt(alert, ts);
                  }
                } catch (SchemaRegistryException e) {
                  throw e; // not the record's fault: the request fails (503), not a silent gap
                } catch (RuntimeException e) {
                  unreadable.add(e);
                }
              }));
      extents.add(
          TenantPartitionScan.scan(
              consumer,
              decisionsTopic,
              tenant,
              query.from(),
              query.to(),
              MAX_DECISION_RECORDS,
              deadline,
              (ts, value) -> {
                try {
                  assembler.decision(JSON.readValue(value, Decision.class));
                } catch (IOException e) {
                  unreadable.add(e);
                }
              }));
      // Notifications make no decision record: each is read from its integration's topic.
      for (String topic : notificationTopics) {
        extents.add(
            TenantPartitionScan.scan(
                consumer,
                topic,
                tenant,
                query.from(),
                query.to(),
                MAX_NOTIFICATION_RECORDS,
                deadline,
                (ts, value) -> {
                  try {
                    assembler.decision(Decision.notified(notifications.deserialize(topic, value)));
                  } catch (SchemaRegistryException e) {
                    throw e;
                  } catch (RuntimeException e) {
                    unreadable.add(e);
                  }
                }));
      }
    }
    if (unreadable.count > 0) {
      // The topology's intake sends such records to its DLQ; the history leaves them out.
      LOG.warn(
          "tenant {}: history left out {} unreadable record(s), the first: {}",
          tenant,
          unreadable.count,
          unreadable.first);
    }
    long scanned = 0;
    long completeFrom = query.from();
    for (TenantPartitionScan.Extent extent : extents) {
      scanned += extent.tenantRecords();
      completeFrom = Math.max(completeFrom, completeFrom(extent, query));
    }
    return assembler.result(scanned, unreadable.count, completeFrom);
  }

  /** How many records could not be read, and why the first could not. */
  private static final class Unreadable {
    int count;
    String first;

    void add(Exception e) {
      if (count++ == 0) {
        first = e.getMessage();
      }
    }
  }

  /** From when a topic's records of the range were all read. */
  private static long completeFrom(TenantPartitionScan.Extent extent, HistoryQuery query) {
    return extent.cut() ? extent.firstTimestamp() : query.from();
  }
}
