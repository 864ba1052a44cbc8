package io.alertstream.connectors.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.schemas.Notification;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the topology what became of each notification: a JSON report on the outcomes topic, keyed
 * by tenant. Reports are best effort (sent without waiting); a lost one leaves the notification
 * "pending" in the history, and changes nothing about delivery. Reasons never carry secrets.
 */
public final class OutcomeReporter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutcomeReporter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaProducer<String, String> producer;
  private final String topic;

  /**
   * @param kafka client properties: bootstrap.servers and the cluster's security settings
   */
  public OutcomeReporter(Map<String, Object> kafka, String topic) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "alertstream-delivery-outcomes");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    this.topic = topic;
  }

  public void report(Notification n, String outcome, String reason, int attempts, long at) {
    producer.send(
        new ProducerRecord<>(topic, n.getTenant(), describe(n, outcome, reason, attempts, at)),
        (metadata, error) -> {
          if (error != null) {
            LOG.warn(
                "could not report the outcome of notification {}: {}", n.getId(), error.toString());
          }
        });
  }

  static String describe(Notification n, String outcome, String reason, int attempts, long at) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("notificationId", n.getId());
    doc.put("integration", n.getIntegration().getType());
    doc.put("outcome", outcome);
    doc.put("reason", reason);
    doc.put("attempts", attempts);
    doc.put("at", at);
    return doc.toString();
  }

  @Override
  public void close() {
    producer.close();
  }
}
