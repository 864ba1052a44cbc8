package io.alertstream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.alertstream.schemas.Topics;
import io.alertstream.topology.streams.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** A record the topology cannot read goes to the DLQ with its reason; the topology keeps going. */
class PoisonPillIT {

  @Test
  void aPoisonPillIsDeadLetteredAndLaterAlertsStillFlow() throws Exception {
    LocalStack stack = TestStacks.shared();
    byte[] pill = "{\"labels\":{\"alertname\":\"NotAvro\"}}".getBytes(StandardCharsets.UTF_8);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (var producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.ALERTS, "pill-tenant".getBytes(StandardCharsets.UTF_8), pill))
          .get();
      producer.send(new ProducerRecord<>(Topics.ALERTS, null, pill)).get();
    }

    List<ConsumerRecord<byte[], byte[]>> dead = readAll(stack, Topics.ALERTS_DLQ, 2);

    assertThat(dead)
        .anySatisfy(
            r -> {
              assertThat(r.value()).isEqualTo(pill);
              assertThat(TestStacks.header(r, DeadLetter.REASON))
                  .contains("not in Confluent wire format");
              assertThat(TestStacks.header(r, DeadLetter.SOURCE_TOPIC)).isEqualTo(Topics.ALERTS);
            });
    assertThat(dead)
        .anySatisfy(
            r ->
                assertThat(TestStacks.header(r, DeadLetter.REASON))
                    .isEqualTo("record key: no tenant id"));
    assertThat(stack.server().streams().state().isRunningOrRebalancing()).isTrue();
    var response =
        TestStacks.postAlerts(stack, "pill-tenant", "[{\"labels\":{\"alertname\":\"After\"}}]");
    assertThat(response.statusCode()).isEqualTo(200);
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(
      LocalStack stack, String topic, int atLeast) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "poison-pill-it");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= atLeast;
              });
    }
    return records;
  }
}
