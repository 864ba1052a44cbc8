package io.alertstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.schemas.AlertEvent;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final AvroSerializer<AlertEvent> serializer = new AvroSerializer<>(registry);
  private final AvroDeserializer<AlertEvent> deserializer =
      new AvroDeserializer<>(AlertEvent.class, registry);

  @Test
  void writesTheConfluentHeaderAndReadsTheRecordBack() {
    AlertEvent alert =
        AlertEvent.newBuilder()
            .setLabels(Map.of("alertname", "HighLatency", "severity", "page"))
            .setAnnotations(Map.of("summary", "p99 over 1s"))
            .setStartsAt(Instant.parse("2026-01-01T00:00:00Z"))
            .setGeneratorURL("http://prometheus/graph")
            .build();

    byte[] bytes = serializer.serialize("alertstream-alerts", alert);

    assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
    assertThat(WireFormat.schemaId(bytes)).isEqualTo(1);
    assertThat(deserializer.deserialize("alertstream-alerts", bytes)).isEqualTo(alert);
  }

  @Test
  void refusesBytesThatAreNotInTheWireFormat() {
    byte[] json = "{\"labels\":{}}".getBytes();

    assertThatThrownBy(() -> deserializer.deserialize("alertstream-alerts", json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not in Confluent wire format")
        .hasMessageContaining("0x7b");
  }

  @Test
  void refusesTooShortBytes() {
    assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("2 bytes");
  }

  @Test
  void namesTheUnknownSchemaId() {
    byte[] bytes = WireFormat.header(42);

    assertThatThrownBy(() -> deserializer.deserialize("t", bytes))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("42");
  }

  @Test
  void saysWhichRegistryIsUnreachable() {
    AvroSerializer<AlertEvent> offline =
        new AvroSerializer<>(new RestSchemaRegistryClient("http://127.0.0.1:1"));
    AlertEvent alert = AlertEvent.newBuilder().setLabels(Map.of("a", "b")).build();

    assertThatThrownBy(() -> offline.serialize("alertstream-alerts", alert))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("http://127.0.0.1:1 is unreachable");
  }
}
