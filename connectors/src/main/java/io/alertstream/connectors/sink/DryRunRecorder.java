package io.alertstream.connectors.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.tenant.TenantSettings;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.schemas.Notification;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records, instead of sending, the request a notification would have made: a JSON document on the
 * dry-run topic, keyed by tenant, with the endpoint's path, the Authorization header and any secret
 * in the body masked. {@link #reason} decides which notifications are recorded.
 */
public final class DryRunRecorder implements DryRunSink, AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaProducer<String, String> producer;
  private final String topic;

  /**
   * @param kafka client properties: bootstrap.servers and the cluster's security settings
   */
  public DryRunRecorder(Map<String, Object> kafka, String topic) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "alertstream-dry-run");
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    this.topic = topic;
  }

  /**
   * Why a notification is recorded instead of sent, or empty when it is sent: the connector's own
   * {@code dry.run} (or its {@code integration.<type>.dry.run}) puts every tenant in dry run for
   * the notification's type; otherwise the tenant's {@code alertstream.dry_run} does, for all its
   * integrations or for those of the types it names.
   *
   * @param connectorDryRun the connector's dry-run setting for {@code integrationType}
   * @param integrationType the notification's type
   */
  static Optional<String> reason(
      boolean connectorDryRun, TenantSettings tenant, String integrationType) {
    if (connectorDryRun) {
      return Optional.of("dry run: the " + integrationType + " connector's dry.run setting");
    }
    if (tenant.dryRun(integrationType)) {
      return Optional.of(
          "dry run: the tenant's alertstream.dry_run setting"
              + (tenant.dryRunAll() ? "" : " for " + integrationType));
    }
    return Optional.empty();
  }

  /** Writes the record; returns once the broker has it. */
  @Override
  public void record(Notification n, Outbound request)
      throws InterruptedException, ExecutionException, TimeoutException {
    producer
        .send(new ProducerRecord<>(topic, n.getTenant(), describe(n, request, Instant.now())))
        .get(30, TimeUnit.SECONDS);
  }

  static String describe(Notification n, Outbound request, Instant at) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("tenant", n.getTenant());
    doc.put("receiver", n.getReceiver());
    doc.put("integration", n.getIntegration().getType());
    doc.put("index", n.getIntegration().getIndex());
    doc.put("integrationId", n.getIntegration().getId());
    doc.put("notificationId", n.getId());
    doc.put("recordedAt", at.toString());
    ObjectNode req = doc.putObject("request");
    request.accept(
        new Outbound.Visitor<Void>() {
          @Override
          public Void http(Outbound.HttpCall call) {
            describe(call, req);
            return null;
          }

          @Override
          public Void exchange(Outbound.Exchange exchange) {
            describe(exchange.first(), req);
            req.put("exchange", "the first of several calls to this host");
            return null;
          }

          @Override
          public Void mail(Outbound.Mail mail) {
            req.put("method", "SMTP");
            req.put("target", "smtp://" + mail.smtp().smarthost());
            ObjectNode headers = req.putObject("headers");
            for (Map.Entry<String, String> h : mail.content().headers().entrySet()) {
              headers.put(h.getKey(), h.getValue());
            }
            headers.put("Message-ID", mail.content().messageId());
            req.put("text", mail.content().text());
            req.put("html", mail.content().html());
            return null;
          }
        });
    return doc.toString();
  }

  @Override
  public void close() {
    producer.close();
  }

  private static void describe(Outbound.HttpCall call, ObjectNode req) {
    req.put("method", call.method());
    req.put("target", call.maskedTarget());
    ObjectNode headers = req.putObject("headers");
    call.maskedHeaders().forEach(headers::put);
    req.put("body", call.maskedBody());
  }
}
