package io.alertstream.bench.compare;

import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.serde.AvroDeserializer;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The physical limit for reference: the same Avro records produced to, and read back from, a topic
 * of the same broker with no processing.
 */
final class RawKafka {

  private RawKafka() {}

  /** Alerts per second from the first send until the last record was read and decoded. */
  static double produceAndConsume(String bootstrap, String registryUrl, Workload w)
      throws Exception {
    String topic = "bench-raw-" + System.nanoTime();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(List.of(new NewTopic(topic, AlertstreamSystem.PARTITIONS, (short) 1)))
          .all()
          .get();
    }
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    long start = System.nanoTime();
    Thread producer =
        new Thread(() -> KafkaLoad.produceAll(bootstrap, registryUrl, topic, w, 0), "raw-producer");
    producer.start();
    long read = 0;
    try (var consumer =
        new KafkaConsumer<String, AlertEvent>(
            props,
            new StringDeserializer(),
            new AvroDeserializer<>(AlertEvent.class, new RestSchemaRegistryClient(registryUrl)))) {
      consumer.subscribe(List.of(topic));
      while (read < w.alerts()) {
        read += consumer.poll(Duration.ofMillis(200)).count();
      }
    }
    producer.join();
    return w.alerts() / ((System.nanoTime() - start) / 1e9);
  }
}
