package io.alertstream.connectors.sink;

import io.alertstream.schemas.DeliveryOutcome;
import io.alertstream.schemas.DeliveryOutcomeBatch;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the topology what became of each notification: {@link DeliveryOutcome}s on the outcomes
 * topic, keyed by tenant, gathered for {@link #GATHER_MS} and written as one {@link
 * DeliveryOutcomeBatch} per tenant (Avro, Confluent wire format, subject {@code
 * <topic>-io.alertstream.schemas.DeliveryOutcomeBatch}): a storm's outcomes cost a record per
 * tenant and few milliseconds, not one per notification. Reports are sent without waiting; {@link
 * #flush} sends what is gathered and waits for it, and the task flushes before it lets Connect
 * commit offsets, so no offset moves past a notification whose outcome is not written. An outcome
 * that could not be written (broker or registry unavailable) is kept and sent again at the next
 * flush. Reasons never carry secrets.
 */
public final class OutcomeReporter implements OutcomeSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutcomeReporter.class);

  /** How long an outcome waits for others of its tenant to share its record. */
  static final long GATHER_MS = 20;

  /** At most this many outcomes in one record (each is a few hundred bytes). */
  static final int MAX_PER_RECORD = 500;

  private final Producer<String, DeliveryOutcomeBatch> producer;
  private final String topic;
  private final long gatherMs;
  private final Queue<DeliveryOutcome> unwritten = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "alertstream-outcome-reporter");
            t.setDaemon(true);
            return t;
          });

  /** Outcomes not sent yet, by tenant; guarded by this. */
  private Map<String, List<DeliveryOutcome>> gathered = new LinkedHashMap<>();

  /**
   * @param kafka client properties: bootstrap.servers and the cluster's security settings
   * @param registry where the outcome schema is registered
   */
  public OutcomeReporter(Map<String, Object> kafka, String topic, SchemaRegistryClient registry) {
    this(producer(kafka, registry), topic);
    registerSchema(registry, topic);
  }

  /**
   * Registers the batch schema now, so that reporting needs no registry call: an outcome written as
   * the task stops (its delivery thread interrupted, the registry perhaps going away) is then
   * written all the same, and Connect can commit past its notification. If the registry cannot be
   * reached now, the first report registers it.
   */
  private static void registerSchema(SchemaRegistryClient registry, String topic) {
    Schema schema = DeliveryOutcomeBatch.getClassSchema();
    try {
      registry.register(topic + "-" + schema.getFullName(), schema);
    } catch (RuntimeException e) {
      LOG.warn("outcome schema not registered yet: {}", e.toString());
    }
  }

  OutcomeReporter(Producer<String, DeliveryOutcomeBatch> producer, String topic) {
    this(producer, topic, GATHER_MS);
  }

  /** Over any producer, e.g. a {@code MockProducer} in tests, gathering for {@code gatherMs}. */
  OutcomeReporter(Producer<String, DeliveryOutcomeBatch> producer, String topic, long gatherMs) {
    this.producer = producer;
    this.topic = topic;
    this.gatherMs = gatherMs;
  }

  private static Producer<String, DeliveryOutcomeBatch> producer(
      Map<String, Object> kafka, SchemaRegistryClient registry) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "alertstream-delivery-outcomes");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(props, new StringSerializer(), AvroSerializer.recordNamed(registry));
  }

  @Override
  public void report(DeliveryOutcome outcome) {
    boolean first;
    synchronized (this) {
      first = gathered.isEmpty();
      gathered.computeIfAbsent(outcome.getTenant(), t -> new ArrayList<>()).add(outcome);
    }
    if (first) {
      try {
        timer.schedule(this::sendGathered, gatherMs, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        sendGathered(); // closing
      }
    }
  }

  /**
   * Sends what has been gathered: a record per tenant (and per {@link #MAX_PER_RECORD}). Under the
   * lock, so that a {@link #flush} that finds nothing gathered knows it was all handed to the
   * producer.
   */
  synchronized void sendGathered() {
    if (gathered.isEmpty()) {
      return;
    }
    Map<String, List<DeliveryOutcome>> taken = gathered;
    gathered = new LinkedHashMap<>();
    for (Map.Entry<String, List<DeliveryOutcome>> e : taken.entrySet()) {
      List<DeliveryOutcome> all = e.getValue();
      for (int from = 0; from < all.size(); from += MAX_PER_RECORD) {
        send(e.getKey(), all.subList(from, Math.min(all.size(), from + MAX_PER_RECORD)));
      }
    }
  }

  private void send(String tenant, List<DeliveryOutcome> outcomes) {
    DeliveryOutcomeBatch batch = new DeliveryOutcomeBatch(new ArrayList<>(outcomes));
    try {
      producer.send(
          new ProducerRecord<>(topic, tenant, batch),
          (metadata, error) -> {
            if (error != null) {
              unwritten(batch.getOutcomes(), error);
            }
          });
    } catch (RuntimeException e) {
      // The serializer (schema registry) or the producer refused it at once.
      unwritten(batch.getOutcomes(), e);
    }
  }

  private void unwritten(List<DeliveryOutcome> outcomes, Exception error) {
    LOG.warn(
        "outcomes of {} notifications (the first {}) not written yet: {}",
        outcomes.size(),
        outcomes.get(0).getNotificationId(),
        error.toString());
    unwritten.addAll(outcomes);
  }

  /**
   * Sends what is gathered and waits for the outcomes sent so far (their callbacks run before the
   * producer's flush returns), then sends once more those that failed and waits again.
   */
  @Override
  public boolean flush() {
    sendGathered();
    producer.flush();
    if (unwritten.isEmpty()) {
      return true;
    }
    for (DeliveryOutcome o; (o = unwritten.poll()) != null; ) {
      report(o);
    }
    sendGathered();
    producer.flush();
    return unwritten.isEmpty();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    flush();
    producer.close();
  }
}
