package io.alertstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.DeliveryOutcome;
import io.alertstream.schemas.DeliveryOutcomeBatch;
import io.alertstream.schemas.DeliveryResult;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.InMemorySchemaRegistryClient;
import io.alertstream.schemas.serde.OutcomeRecords;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import io.alertstream.schemas.serde.SchemaRegistryException;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class OutcomeReporterTest {

  private static final String TOPIC = "alertstream-delivery-outcomes";

  /** Long enough that only a flush sends what is gathered. */
  private static final long LONG_GATHERING = 600_000;

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  private static DeliveryOutcome outcome(String id) {
    return outcome(id, "acme");
  }

  private static DeliveryOutcome outcome(String id, String tenant) {
    return DeliveryOutcome.newBuilder()
        .setNotificationId(id)
        .setTenant(tenant)
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

  private static MockProducer<String, DeliveryOutcomeBatch> producer(
      SchemaRegistryClient registry, boolean autoComplete) {
    Serializer<DeliveryOutcomeBatch> avro = AvroSerializer.recordNamed(registry);
    return new MockProducer<>(autoComplete, null, new StringSerializer(), avro);
  }

  private static List<String> ids(MockProducer<String, DeliveryOutcomeBatch> producer) {
    return producer.history().stream()
        .flatMap(r -> r.value().getOutcomes().stream())
        .map(DeliveryOutcome::getNotificationId)
        .toList();
  }

  @Test
  void outcomesAreGatheredIntoOneRecordPerTenantThatReadsBackInTheWireFormat() {
    var producer = producer(registry, true);
    var reporter = new OutcomeReporter(producer, TOPIC, LONG_GATHERING);

    reporter.report(outcome("n-1"));
    reporter.report(outcome("n-2", "globex"));
    reporter.report(outcome("n-3"));

    assertThat(reporter.flush()).isTrue();
    assertThat(producer.history())
        .extracting(r -> r.key() + ":" + r.value().getOutcomes().size())
        .containsExactly("acme:2", "globex:1");
    assertThat(producer.history()).allSatisfy(r -> assertThat(r.topic()).isEqualTo(TOPIC));
    byte[] bytes =
        AvroSerializer.<DeliveryOutcomeBatch>recordNamed(registry)
            .serialize(TOPIC, producer.history().get(0).value());
    assertThat(bytes[0]).isZero();
    assertThat(new OutcomeRecords(registry).deserialize(TOPIC, bytes))
        .containsExactly(outcome("n-1"), outcome("n-3"));
  }

  @Test
  void theGatheredOutcomesAreSentWithinTheGatheringTimeWithoutAFlush() {
    var producer = producer(registry, true);
    var reporter = new OutcomeReporter(producer, TOPIC);
    reporter.report(outcome("n-1"));
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (producer.history().isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(ids(producer)).containsExactly("n-1");
  }

  @Test
  void aTenantsManyOutcomesAreCutIntoRecordsOfAtMostFiveHundred() {
    var producer = producer(registry, true);
    var reporter = new OutcomeReporter(producer, TOPIC, LONG_GATHERING);
    for (int i = 0; i < 1_001; i++) {
      reporter.report(outcome("n-" + i));
    }
    assertThat(reporter.flush()).isTrue();
    assertThat(producer.history())
        .extracting(r -> r.value().getOutcomes().size())
        .containsExactly(500, 500, 1);
    assertThat(ids(producer)).hasSize(1_001).doesNotHaveDuplicates();
  }

  @Test
  void anOutcomeTheBrokerFailedIsSentAgainAtTheFlush() {
    var producer = producer(registry, false);
    var reporter = new OutcomeReporter(producer, TOPIC);
    reporter.report(outcome("n-1"));
    reporter.report(outcome("n-2", "globex"));
    reporter.sendGathered();

    producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker away"));

    assertThat(reporter.flush()).isTrue();
    assertThat(ids(producer)).containsExactly("n-1", "n-2", "n-1");
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
    assertThat(ids(producer)).containsExactly("n-1");
  }
}
