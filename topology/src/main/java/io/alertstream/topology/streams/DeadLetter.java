package io.alertstream.topology.streams;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Headers a dead-lettered record carries, saying why and where it came from. */
public final class DeadLetter {

  public static final String REASON = "alertstream.dlq.reason";
  public static final String SOURCE_TOPIC = "alertstream.dlq.source.topic";
  public static final String SOURCE_PARTITION = "alertstream.dlq.source.partition";
  public static final String SOURCE_OFFSET = "alertstream.dlq.source.offset";

  private DeadLetter() {}

  static void describe(Headers headers, String reason, RecordMetadata source) {
    if (source == null) {
      put(headers, REASON, reason);
    } else {
      describe(headers, reason, source.topic(), source.partition(), source.offset());
    }
  }

  static void describe(Headers headers, String reason, String topic, int partition, long offset) {
    put(headers, REASON, reason);
    put(headers, SOURCE_TOPIC, topic);
    put(headers, SOURCE_PARTITION, Integer.toString(partition));
    put(headers, SOURCE_OFFSET, Long.toString(offset));
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
