package io.alertstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.AlertBatch;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.serde.AlertRecords;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.InMemorySchemaRegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaAlertSinkTest {

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final MockProducer<String, AlertBatch> producer =
      new MockProducer<>(true, null, new StringSerializer(), AvroSerializer.recordNamed(registry));

  private static List<AlertEvent> alerts(int n) {
    List<AlertEvent> alerts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      alerts.add(
          AlertEvent.newBuilder()
              .setLabels(Map.of("alertname", "A" + i))
              .setAnnotations(Map.of("summary", "x".repeat(100)))
              .build());
    }
    return alerts;
  }

  @Test
  void writesOneRecordPerRequestKeyedByTenant() throws Exception {
    new KafkaAlertSink(producer, "alerts").submit("acme", alerts(64));

    assertThat(producer.history())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo("acme");
              assertThat(r.value().getAlerts()).isEqualTo(alerts(64));
            });
  }

  @Test
  void cutsALargeRequestIntoRecordsWithinTheBudgetWhichTheTopologyReadsBack() throws Exception {
    new KafkaAlertSink(producer, "alerts", 2_000).submit("acme", alerts(64));

    AvroSerializer<AlertBatch> serializer = AvroSerializer.recordNamed(registry);
    AlertRecords records = new AlertRecords(registry);
    List<AlertEvent> read = new ArrayList<>();
    for (ProducerRecord<String, AlertBatch> r : producer.history()) {
      byte[] bytes = serializer.serialize("alerts", r.value());
      assertThat(bytes.length).isLessThanOrEqualTo(2_000 + 5);
      read.addAll(records.read("alerts", bytes).alerts());
    }
    assertThat(producer.history()).hasSizeGreaterThan(3);
    assertThat(read).isEqualTo(alerts(64));
  }
}
