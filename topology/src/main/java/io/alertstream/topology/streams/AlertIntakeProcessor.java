package io.alertstream.topology.streams;

import io.alertstream.schemas.AlertEvent;
import io.alertstream.topology.metrics.TopologyMetrics;
import io.alertstream.topology.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes raw records off the alerts topic: a record with a valid tenant key and a readable alert
 * goes on to dispatch; any other goes, bytes untouched, to the dead letter topic with the reason.
 */
final class AlertIntakeProcessor implements Processor<byte[], byte[], Object, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(AlertIntakeProcessor.class);

  private final Deserializer<AlertEvent> deserializer;
  private final String accepted;
  private final String rejected;
  private final TopologyMetrics metrics;
  private ProcessorContext<Object, Object> context;

  AlertIntakeProcessor(
      Deserializer<AlertEvent> deserializer,
      String accepted,
      String rejected,
      TopologyMetrics metrics) {
    this.deserializer = deserializer;
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
      reject(record, "record key: " + tenantProblem.get());
      return;
    }
    AlertEvent alert;
    try {
      alert =
          deserializer.deserialize(
              context.recordMetadata().map(m -> m.topic()).orElse(""), record.value());
    } catch (RuntimeException e) {
      metrics.alertInvalid(tenant);
      reject(record, "record value: " + e.getMessage());
      return;
    }
    if (alert == null || alert.getLabels().isEmpty()) {
      metrics.alertInvalid(tenant);
      reject(record, alert == null ? "record value: empty" : "alert has no labels");
    } else {
      context.forward(
          new Record<Object, Object>(
              tenant, new TenantInput.AlertReceived(alert, record.value()), record.timestamp()),
          accepted);
    }
  }

  private void reject(Record<byte[], byte[]> record, String reason) {
    var source = context.recordMetadata().orElse(null);
    LOG.warn(
        "dead-lettering record at {}-{}@{}: {}",
        source == null ? "?" : source.topic(),
        source == null ? -1 : source.partition(),
        source == null ? -1 : source.offset(),
        reason);
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    DeadLetter.describe(headers, reason, source);
    context.forward(
        new Record<Object, Object>(record.key(), record.value(), record.timestamp(), headers),
        rejected);
  }
}
