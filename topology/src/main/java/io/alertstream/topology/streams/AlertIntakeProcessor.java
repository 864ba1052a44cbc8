package io.alertstream.topology.streams;

import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.serde.AlertRecords;
import io.alertstream.schemas.serde.RegistryUnavailableException;
import io.alertstream.topology.metrics.TopologyMetrics;
import io.alertstream.topology.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes raw records off the alerts topic, each a single alert or a batch ({@link AlertRecords}):
 * every readable alert with labels, under a valid tenant key, goes on to dispatch. A record that
 * cannot be read goes, bytes untouched, to the dead letter topic with the reason; an alert of a
 * batch without labels goes there on its own, as a single-alert record, and the rest of its batch
 * goes on. A record whose writer schema cannot be fetched because the registry is unavailable fails
 * the stream thread instead ({@link RegistryOutages}).
 */
final class AlertIntakeProcessor implements Processor<byte[], byte[], Object, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(AlertIntakeProcessor.class);

  private final AlertRecords records;
  private final Serializer<AlertEvent> single;
  private final String alertsTopic;
  private final String accepted;
  private final String rejected;
  private final TopologyMetrics metrics;
  private ProcessorContext<Object, Object> context;

  /**
   * @param single writes one alert of a batch as a record of {@code alertsTopic} of its own
   */
  AlertIntakeProcessor(
      AlertRecords records,
      Serializer<AlertEvent> single,
      String alertsTopic,
      String accepted,
      String rejected,
      TopologyMetrics metrics) {
    this.records = records;
    this.single = single;
    this.alertsTopic = alertsTopic;
    this.metrics = metrics;
    this.accepted = accepted;
    this.rejected = rejected;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String tenant = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    Optional<String> tenantProblem = TenantId.problem(tenant);
    if (tenantProblem.isPresent()) {
      metrics.alertInvalid(null);
      reject(record.key(), record.value(), record, "record key: " + tenantProblem.get());
      return;
    }
    AlertRecords.Read read;
    try {
      read = records.read(context.recordMetadata().map(m -> m.topic()).orElse(""), record.value());
    } catch (RegistryUnavailableException e) {
      throw e; // not the record's fault: RegistryOutages replaces the thread, which reads it again
    } catch (RuntimeException e) {
      metrics.alertInvalid(tenant);
      reject(record.key(), record.value(), record, "record value: " + e.getMessage());
      return;
    }
    List<AlertEvent> alerts = read.alerts();
    boolean batch = read.batch();
    if (alerts.isEmpty()) {
      metrics.alertInvalid(tenant);
      reject(record.key(), record.value(), record, "record value: no alerts");
      return;
    }
    for (int i = 0; i < alerts.size(); i++) {
      AlertEvent alert = alerts.get(i);
      Supplier<byte[]> raw = batch ? () -> single.serialize(alertsTopic, alert) : record::value;
      if (alert.getLabels().isEmpty()) {
        metrics.alertInvalid(tenant);
        String where =
            batch ? "alert " + (i + 1) + " of " + alerts.size() + " in the batch" : "alert";
        reject(record.key(), raw.get(), record, where + " has no labels");
      } else {
        context.forward(
            new Record<Object, Object>(
                tenant, new TenantInput.AlertReceived(alert, raw), record.timestamp()),
            accepted);
      }
    }
  }

  private void reject(byte[] key, byte[] value, Record<byte[], byte[]> record, String reason) {
    var source = context.recordMetadata().orElse(null);
    LOG.warn(
        "dead-lettering record at {}-{}@{}: {}",
        source == null ? "?" : source.topic(),
        source == null ? -1 : source.partition(),
        source == null ? -1 : source.offset(),
        reason);
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    DeadLetter.describe(headers, reason, source);
    context.forward(new Record<Object, Object>(key, value, record.timestamp(), headers), rejected);
  }
}
