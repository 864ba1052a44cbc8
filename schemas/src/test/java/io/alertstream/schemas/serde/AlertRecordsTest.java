package io.alertstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.schemas.AlertBatch;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.SilenceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AlertRecordsTest {

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final AlertRecords records = new AlertRecords(registry);

  private static AlertEvent alert(String name) {
    return AlertEvent.newBuilder().setLabels(Map.of("alertname", name)).build();
  }

  @Test
  void readsASingleAlertAndABatchOfAlertsFromTheSameTopic() {
    byte[] single = new AvroSerializer<AlertEvent>(registry).serialize("alerts", alert("A"));
    byte[] batch =
        AvroSerializer.<AlertBatch>recordNamed(registry)
            .serialize("alerts", new AlertBatch(List.of(alert("B"), alert("C"))));

    assertThat(records.read("alerts", single))
        .isEqualTo(new AlertRecords.Read(List.of(alert("A")), false));
    assertThat(records.read("alerts", batch))
        .isEqualTo(new AlertRecords.Read(List.of(alert("B"), alert("C")), true));
  }

  @Test
  void registersABatchUnderTheTopicAndRecordName() {
    List<String> subjects = new ArrayList<>();
    SchemaRegistryClient recording =
        new SchemaRegistryClient() {
          @Override
          public int register(String subject, Schema schema) {
            subjects.add(subject);
            return registry.register(subject, schema);
          }

          @Override
          public Schema schemaById(int id) {
            return registry.schemaById(id);
          }
        };

    AvroSerializer.<AlertBatch>recordNamed(recording)
        .serialize("alerts", new AlertBatch(List.of(alert("A"))));
    new AvroSerializer<AlertEvent>(recording).serialize("alerts", alert("A"));

    assertThat(subjects)
        .containsExactly("alerts-io.alertstream.schemas.AlertBatch", "alerts-value");
  }

  @Test
  void refusesARecordOfAnotherTypeAndATombstone() {
    byte[] silence =
        new AvroSerializer<SilenceEvent>(registry)
            .serialize(
                "alerts",
                SilenceEvent.newBuilder()
                    .setAction(io.alertstream.schemas.SilenceAction.CREATE)
                    .setId("s")
                    .setUpdatedAt(java.time.Instant.EPOCH)
                    .setMatchers(List.of())
                    .setStartsAt(java.time.Instant.EPOCH)
                    .setEndsAt(java.time.Instant.EPOCH)
                    .setCreatedBy("me")
                    .setComment("c")
                    .build());

    assertThatThrownBy(() -> records.read("alerts", silence))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("AlertEvent");
    assertThatThrownBy(() -> records.read("alerts", null))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("tombstone");
  }

  @Test
  void cutsAlertsIntoBatchesWithinTheBudgetInOrder() {
    List<AlertEvent> alerts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      alerts.add(
          AlertEvent.newBuilder()
              .setLabels(Map.of("alertname", "A" + i))
              .setAnnotations(Map.of("description", "é".repeat(500)))
              .build());
    }
    AvroSerializer<AlertBatch> serializer = AvroSerializer.recordNamed(registry);

    List<AlertBatch> batches = AlertBatches.of(alerts, 10_000);

    assertThat(batches).hasSizeGreaterThan(5);
    List<AlertEvent> rejoined = new ArrayList<>();
    for (AlertBatch batch : batches) {
      assertThat(serializer.serialize("alerts", batch).length)
          .isLessThanOrEqualTo(10_000 + WireFormat.HEADER_LENGTH);
      rejoined.addAll(batch.getAlerts());
    }
    assertThat(rejoined).isEqualTo(alerts);
  }

  @Test
  void anAlertLargerThanTheBudgetGoesAlone() {
    AlertEvent big =
        AlertEvent.newBuilder()
            .setLabels(Map.of("alertname", "Big"))
            .setAnnotations(Map.of("d", "x".repeat(5_000)))
            .build();

    List<AlertBatch> batches = AlertBatches.of(List.of(alert("A"), big, alert("B")), 1_000);

    assertThat(batches)
        .extracting(AlertBatch::getAlerts)
        .containsExactly(List.of(alert("A")), List.of(big), List.of(alert("B")));
  }

  @Test
  void countsUtf8Bytes() {
    assertThat(AlertBatches.utf8Length("aé€😀")).isEqualTo(1 + 2 + 3 + 4);
  }
}
