package io.alertstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.DeliveryOutcome;
import io.alertstream.schemas.DeliveryResult;
import io.alertstream.schemas.serde.AvroDeserializer;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.InMemorySchemaRegistryClient;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import io.alertstream.schemas.serde.SchemaRegistryException;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class OutcomeReporterTest {

  private static final String TOPIC = "alertstream-delivery-outcomes";

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  private static DeliveryOutcome outcome(String id) {
    return DeliveryOutcome.newBuilder()
        .setNotificationId(id)
        .setTenant("acme")
        .setReceiver("team-x")
        .setIntegrationType("slack")
        .setIntegrationId("slack-0123")
        .setGroupKey("{}:{alertname=\"DiskFull\"}")
        .setConfigVersion(3)
        .setOutcome(DeliveryResult.DEAD_LETTERED)
        .setReason("unexpected status code 400")
        .setAttempts(1)
        .setFirstAttemptAt(Instant.parse("2026-03-01T12:00:00Z"))
        .setFinishedAt(Instant.parse("2026-03-01T12:00:01Z"))
        .build();
  }

  private static MockProducer<String, DeliveryOutcome> producer(
      SchemaRegistryClient registry, boolean autoComplete) {
    Serializer<DeliveryOutcome> avro = new AvroSerializer<>(registry);
    return new MockProducer<>(autoComplete, null, new StringSerializer(), avro);
  }

  @Test
  void anOutcomeIsKeyedByTenantAndReadsBackAsAvroInTheWireFormat() {
    var producer = producer(registry, true);
    var reporter = new OutcomeReporter(producer, TOPIC);

    reporter.report(outcome("n-1"));

    assertThat(reporter.flush()).isTrue();
    assertThat(producer.history())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.topic()).isEqualTo(TOPIC);
              assertThat(r.key()).isEqualTo("acme");
            });
    byte[] bytes = new AvroSerializer<DeliveryOutcome>(registry).serialize(TOPIC, outcome("n-1"));
    assertThat(bytes[0]).isZero();
    assertThat(new AvroDeserializer<>(DeliveryOutcome.class, registry).deserialize(TOPIC, bytes))
        .isEqualTo(outcome("n-1"));
  }

  @Test
  void anOutcomeTheBrokerFailedIsSentAgainAtTheFlush() {
    var producer = producer(registry, false);
    var reporter = new OutcomeReporter(producer, TOPIC);
    reporter.report(outcome("n-1"));
    reporter.report(outcome("n-2"));

    producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker away"));

    assertThat(reporter.flush()).isTrue();
    assertThat(producer.history())
        .extracting(r -> r.value().getNotificationId())
        .containsExactly("n-1", "n-2", "n-1");
  }

  @Test
  void whileTheRegistryIsDownFlushSaysSoAndTheOutcomeIsKept() {
    var registryDown =
        new SchemaRegistryClient() {
          volatile boolean down = true;

          @Override
          public int register(String subject, Schema schema) {
            if (down) {
              throw new SchemaRegistryException("registry unreachable");
            }
            return registry.register(subject, schema);
          }

          @Override
          public Schema schemaById(int id) {
            return registry.schemaById(id);
          }
        };
    var producer = producer(registryDown, true);
    var reporter = new OutcomeReporter(producer, TOPIC);

    reporter.report(outcome("n-1"));

    assertThat(reporter.flush()).isFalse();
    assertThat(reporter.flush()).isFalse();
    registryDown.down = false;
    assertThat(reporter.flush()).isTrue();
    assertThat(producer.history())
        .extracting(r -> r.value().getNotificationId())
        .containsExactly("n-1");
  }
}
