package io.alertstream.connectors.webhook;

import io.alertstream.connectors.ConnectorVersion;
import io.alertstream.connectors.delivery.DeliveryOutcome;
import io.alertstream.connectors.delivery.JdkHttpSender;
import io.alertstream.connectors.tenantconfig.TenantConfigCache;
import io.alertstream.connectors.tenantconfig.TenantConfigReader;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.serde.AvroDeserializer;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a batch of webhook notifications. A notification that failed with 429, 5xx or a network
 * error makes the batch come back after a backoff (the ones already delivered are not sent again);
 * one that can never be delivered, or has used up its retries, goes to the DLQ.
 */
public final class WebhookSinkTask extends SinkTask {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookSinkTask.class);

  private record RecordId(String topic, int partition, long offset) {
    static RecordId of(SinkRecord r) {
      return new RecordId(r.topic(), r.kafkaPartition(), r.kafkaOffset());
    }
  }

  private WebhookSinkConfig config;
  private TenantConfigReader reader;
  private TenantConfigCache tenantConfigs;
  private AvroDeserializer<Notification> notifications;
  private WebhookDelivery delivery;
  private final Map<RecordId, Integer> failedAttempts = new HashMap<>();
  private final Set<RecordId> finished = new HashSet<>();

  @Override
  public String version() {
    return ConnectorVersion.VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    config = new WebhookSinkConfig(props);
    SchemaRegistryClient registry =
        new RestSchemaRegistryClient(config.getString(WebhookSinkConfig.SCHEMA_REGISTRY_URL));
    notifications = new AvroDeserializer<>(Notification.class, registry);
    tenantConfigs = new TenantConfigCache();
    reader =
        new TenantConfigReader(
            config.getString(WebhookSinkConfig.CONFIGS_BOOTSTRAP_SERVERS),
            config.getString(WebhookSinkConfig.CONFIGS_TOPIC),
            new AvroDeserializer<>(TenantConfig.class, registry),
            tenantConfigs);
    try {
      reader.start(Duration.ofSeconds(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("interrupted while reading tenant configs", e);
    }
    delivery = new WebhookDelivery(new JdkHttpSender(config.requestTimeout(), Clock.systemUTC()));
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    Duration retryIn = null;
    String retryReason = null;
    for (SinkRecord record : records) {
      RecordId id = RecordId.of(record);
      if (finished.contains(id)) {
        continue;
      }
      DeliveryOutcome outcome = deliver(record);
      if (outcome instanceof DeliveryOutcome.Retry retry) {
        int failed = failedAttempts.merge(id, 1, Integer::sum);
        if (failed > config.getInt(WebhookSinkConfig.MAX_RETRIES)) {
          deadLetter(record, "gave up after " + failed + " attempts: " + retry.reason());
          finish(id);
        } else {
          Duration wait = config.backoff().after(failed, retry.retryAfter());
          if (retryIn == null || wait.compareTo(retryIn) > 0) {
            retryIn = wait;
          }
          retryReason = retry.reason();
        }
      } else {
        if (outcome instanceof DeliveryOutcome.Failed failed) {
          deadLetter(record, failed.reason());
        }
        finish(id);
      }
    }
    if (retryIn != null) {
      context.timeout(retryIn.toMillis());
      throw new RetriableException("retrying in " + retryIn.toMillis() + " ms: " + retryReason);
    }
    finished.clear();
  }

  private DeliveryOutcome deliver(SinkRecord record) {
    if (!(record.value() instanceof byte[] bytes)) {
      return new DeliveryOutcome.Failed(
          "record value is not bytes; set value.converter to ByteArrayConverter");
    }
    Notification n;
    try {
      n = notifications.deserialize(record.topic(), bytes);
    } catch (RuntimeException e) {
      return new DeliveryOutcome.Failed("unreadable notification: " + e.getMessage());
    }
    if (n == null) {
      return new DeliveryOutcome.Delivered(0);
    }
    Optional<TenantConfigCache.Entry> tenantConfig;
    try {
      tenantConfig =
          tenantConfigs.awaitVersion(n.getTenant(), n.getConfigVersion(), config.configWait());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryOutcome.Retry("interrupted", Optional.empty());
    }
    if (tenantConfig.isEmpty()) {
      return new DeliveryOutcome.Retry(
          "tenant " + n.getTenant() + " has no config", Optional.empty());
    }
    DeliveryOutcome outcome = delivery.deliver(n, tenantConfig.get().config());
    if (outcome instanceof DeliveryOutcome.Delivered) {
      LOG.debug(
          "tenant {}: notification {} delivered to {}", n.getTenant(), n.getId(), n.getReceiver());
    }
    return outcome;
  }

  private void finish(RecordId id) {
    finished.add(id);
    failedAttempts.remove(id);
  }

  private void deadLetter(SinkRecord record, String reason) {
    LOG.warn(
        "notification at {}-{}@{} goes to the dead letter queue: {}",
        record.topic(),
        record.kafkaPartition(),
        record.kafkaOffset(),
        reason);
    ErrantRecordReporter reporter = context.errantRecordReporter();
    if (reporter == null) {
      throw new ConnectException(
          "undeliverable notification and no dead letter queue configured (errors.tolerance=all,"
              + " errors.deadletterqueue.topic.name): "
              + reason);
    }
    reporter.report(record, new UndeliverableNotificationException(reason));
  }

  @Override
  public void stop() {
    if (reader != null) {
      try {
        reader.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
