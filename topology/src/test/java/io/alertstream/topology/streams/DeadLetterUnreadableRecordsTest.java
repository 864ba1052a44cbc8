package io.alertstream.topology.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.serde.RegistryUnavailableException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class DeadLetterUnreadableRecordsTest {

  private final DeadLetterUnreadableRecords handler = new DeadLetterUnreadableRecords();
  private final ConsumerRecord<byte[], byte[]> record =
      new ConsumerRecord<>("alertstream-configs", 2, 41, bytes("team-a"), bytes("not avro"));

  @Test
  void anUnreadableRecordGoesToTheDeadLetterTopicUntouchedWithTheReason() {
    var response =
        handler.handleError(null, record, new SerializationException("not in wire format"));

    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).hasSize(1);
    ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
    assertThat(dead.topic()).isEqualTo("alertstream-alerts-dlq");
    assertThat(dead.key()).isEqualTo(bytes("team-a"));
    assertThat(dead.value()).isEqualTo(bytes("not avro"));
    assertThat(header(dead.headers(), DeadLetter.REASON))
        .isEqualTo("record value: not in wire format");
    assertThat(header(dead.headers(), DeadLetter.SOURCE_TOPIC)).isEqualTo("alertstream-configs");
    assertThat(header(dead.headers(), DeadLetter.SOURCE_PARTITION)).isEqualTo("2");
    assertThat(header(dead.headers(), DeadLetter.SOURCE_OFFSET)).isEqualTo("41");
  }

  @Test
  void anUnavailableRegistryFailsTheThreadAndDeadLettersNothing() {
    var response =
        handler.handleError(
            null,
            record,
            new StreamsException(new RegistryUnavailableException("registry unreachable")));

    assertThat(response.result()).isEqualTo(Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
