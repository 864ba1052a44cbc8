package io.alertstream.connectors.sink;

import io.alertstream.schemas.DeliveryOutcome;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the topology what became of each notification: a {@link DeliveryOutcome} (Avro, Confluent
 * wire format, subject {@code <topic>-value}) on the outcomes topic, keyed by tenant. Reports are
 * sent without waiting; {@link #flush} waits for them, and the task flushes before it lets Connect
 * commit offsets, so no offset moves past a notification whose outcome is not written. An outcome
 * that could not be written (broker or registry unavailable) is kept and sent again at the next
 * flush. Reasons never carry secrets.
 */
public final class OutcomeReporter implements OutcomeSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutcomeReporter.class);

  private final Producer<String, DeliveryOutcome> producer;
  private final String topic;
  private final Queue<DeliveryOutcome> unwritten = new ConcurrentLinkedQueue<>();

  /**
   * @param kafka client properties: bootstrap.servers and the cluster's security settings
   * @param registry where the outcome schema is registered
   */
  public OutcomeReporter(Map<String, Object> kafka, String topic, SchemaRegistryClient registry) {
    this(producer(kafka, registry), topic);
    registerSchema(registry, topic);
  }

  /**
   * Registers the outcome schema now, so that reporting needs no registry call: an outcome written
   * as the task stops (its delivery thread interrupted, the registry perhaps going away) is then
   * written all the same, and Connect can commit past its notification. If the registry cannot be
   * reached now, the first report registers it.
   */
  private static void registerSchema(SchemaRegistryClient registry, String topic) {
    try {
      registry.register(topic + "-value", DeliveryOutcome.getClassSchema());
    } catch (RuntimeException e) {
      LOG.warn("outcome schema not registered yet: {}", e.toString());
    }
  }

  /** Over any producer, e.g. a {@code MockProducer} in tests. */
  OutcomeReporter(Producer<String, DeliveryOutcome> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  private static Producer<String, DeliveryOutcome> producer(
      Map<String, Object> kafka, SchemaRegistryClient registry) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "alertstream-delivery-outcomes");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    return new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(registry));
  }

  @Override
  public void report(DeliveryOutcome outcome) {
    send(outcome);
  }

  private void send(DeliveryOutcome outcome) {
    try {
      producer.send(
          new ProducerRecord<>(topic, outcome.getTenant(), outcome),
          (metadata, error) -> {
            if (error != null) {
              unwritten(outcome, error);
            }
          });
    } catch (RuntimeException e) {
      // The serializer (schema registry) or the producer refused it at once.
      unwritten(outcome, e);
    }
  }

  private void unwritten(DeliveryOutcome outcome, Exception error) {
    LOG.warn(
        "outcome of notification {} not written yet: {}",
        outcome.getNotificationId(),
        error.toString());
    unwritten.add(outcome);
  }

  /**
   * Waits for the outcomes sent so far (their callbacks run before the producer's flush returns),
   * then sends once more those that failed and waits again.
   */
  @Override
  public boolean flush() {
    producer.flush();
    if (unwritten.isEmpty()) {
      return true;
    }
    List<DeliveryOutcome> again = new ArrayList<>();
    for (DeliveryOutcome o; (o = unwritten.poll()) != null; ) {
      again.add(o);
    }
    again.forEach(this::send);
    producer.flush();
    return unwritten.isEmpty();
  }

  @Override
  public void close() {
    flush();
    producer.close();
  }
}
