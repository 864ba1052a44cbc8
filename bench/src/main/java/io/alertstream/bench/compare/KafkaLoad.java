package io.alertstream.bench.compare;

import io.alertstream.schemas.AlertBatch;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.Topics;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces a workload's alerts as Avro straight onto a topic, keyed by tenant. */
final class KafkaLoad {

  private KafkaLoad() {}

  static AlertEvent event(Workload w, int t, int i, int generation, Instant startsAt) {
    Map<String, String> annotations = new HashMap<>();
    annotations.put(
        "summary",
        "Instance host-"
            + i / 40
            + " of job node-exporter has been failing its checks for 5 minutes");
    annotations.put(
        "description", "The probe reports errors above the threshold; see the runbook.");
    annotations.put("sent_at", Long.toString(System.currentTimeMillis()));
    return AlertEvent.newBuilder()
        .setLabels(w.labels(t, i, generation))
        .setAnnotations(annotations)
        .setStartsAt(startsAt)
        .setGeneratorURL("http://prometheus-0:9090/graph?g0.expr=probe_success%3D%3D0")
        .build();
  }

  /** Produces every alert once to {@code topic}; returns ms until the broker had them all. */
  static long produceAll(
      String bootstrap, String registryUrl, String topic, Workload w, int generation) {
    Instant startsAt = Instant.now();
    long start = System.nanoTime();
    try (var producer =
        new KafkaProducer<String, AlertEvent>(
            producerProps(bootstrap),
            new StringSerializer(),
            new AvroSerializer<>(new RestSchemaRegistryClient(registryUrl)))) {
      for (List<Integer> batch : w.batches()) {
        for (int t = 0; t < w.tenants(); t++) {
          for (int i : batch) {
            producer.send(
                new ProducerRecord<>(topic, w.tenant(t), event(w, t, i, generation, startsAt)));
          }
        }
      }
      producer.flush();
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * Produces every alert once to alertstream-alerts, each of the workload's batches of a tenant as
   * one {@link AlertBatch} record, as the API writes a POST; returns ms until the broker had them.
   */
  static long produceBatches(String bootstrap, String registryUrl, Workload w, int generation) {
    Instant startsAt = Instant.now();
    long start = System.nanoTime();
    try (var producer =
        new KafkaProducer<String, AlertBatch>(
            producerProps(bootstrap),
            new StringSerializer(),
            AvroSerializer.recordNamed(new RestSchemaRegistryClient(registryUrl)))) {
      for (List<Integer> batch : w.batches()) {
        for (int t = 0; t < w.tenants(); t++) {
          List<AlertEvent> alerts = new ArrayList<>(batch.size());
          for (int i : batch) {
            alerts.add(event(w, t, i, generation, startsAt));
          }
          producer.send(new ProducerRecord<>(Topics.ALERTS, w.tenant(t), new AlertBatch(alerts)));
        }
      }
      producer.flush();
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static Properties producerProps(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return props;
  }
}
