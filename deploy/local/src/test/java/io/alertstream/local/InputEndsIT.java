package io.alertstream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.alertstream.topology.streams.InputEnds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The end offsets a task compares its last read alert with (see ReceiptWatermark), read from a real
 * broker: the last stable offset, so that a transaction's commit marker counts and an open
 * transaction's records do not.
 */
class InputEndsIT {

  private static final String TOPIC = "input-ends-it";

  @Test
  void endOffsetsAreTheLastStableOffsetsAndOnlyWhileAsked() throws Exception {
    LocalStack stack = TestStacks.shared();
    String bootstrap = stack.bootstrapServers();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
    }
    TopicPartition plain = new TopicPartition(TOPIC, 0);
    TopicPartition transactional = new TopicPartition(TOPIC, 1);
    try (var producer = producer(bootstrap, null)) {
      for (int i = 0; i < 3; i++) {
        producer.send(new ProducerRecord<>(TOPIC, 0, "k", "v" + i)).get();
      }
    }
    try (var producer = producer(bootstrap, "input-ends-it");
        InputEnds ends =
            InputEnds.polling(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                TOPIC,
                Duration.ofMillis(50))) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(TOPIC, 1, "k", "a"));
      producer.send(new ProducerRecord<>(TOPIC, 1, "k", "b"));
      producer.commitTransaction();

      // Unknown until asked for and polled; then two records and the commit marker.
      assertThat(ends.endOffset(plain)).isEmpty();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> ends.endOffset(transactional).equals(OptionalLong.of(3)));
      assertThat(ends.endOffset(plain)).hasValue(3);

      // An open transaction's record is not stable: the end stays until it commits.
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(TOPIC, 1, "k", "c")).get();
      Thread.sleep(300);
      assertThat(ends.endOffset(transactional)).hasValue(3);
      producer.commitTransaction();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> ends.endOffset(transactional).equals(OptionalLong.of(5)));

      // Not asked for a while, it stops polling, and what it last read counts as unknown.
      Thread.sleep(1_500);
      assertThat(ends.endOffset(plain)).isEmpty();
    }
  }

  private static KafkaProducer<String, String> producer(String bootstrap, String transactionalId) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    if (transactionalId != null) {
      props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    }
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }
}
