package io.alertstream.topology.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.serde.AvroSerdes;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.InMemorySchemaRegistryClient;
import io.alertstream.schemas.serde.RegistryUnavailableException;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import io.alertstream.topology.tenancy.FallbackConfig;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry outage is not the record's fault: reading a record while the registry is unavailable
 * fails the stream thread (RegistryOutages replaces it, to read the record again) instead of
 * skipping or dead-lettering it. (The topology test driver does not capture the records a
 * deserialization handler dead-letters: DeadLetterUnreadableRecordsTest and PoisonPillIT cover
 * those.)
 */
class UnreadableRecordsTest {

  private static final TopologySettings SETTINGS =
      TopologySettings.defaults("http://alertstream:9093", FallbackConfig.DEFAULT);

  /** Where test records are written: always up. */
  private final InMemorySchemaRegistryClient writers = new InMemorySchemaRegistryClient();

  /** What the topology asks: the same schemas, unless switched off. */
  private final SwitchableRegistry readers = new SwitchableRegistry(writers);

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestOutputTopic<byte[], byte[]> dlq;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void aConfigReadWhileTheRegistryIsDownFailsTheThreadInsteadOfBeingSkipped() {
    start();
    byte[] config =
        new AvroSerializer<TenantConfig>(writers)
            .serialize(
                SETTINGS.configsTopic(),
                TenantConfig.newBuilder()
                    .setTenant("team-a")
                    .setVersion(1)
                    .setAlertmanagerConfig("route:\n  receiver: x\nreceivers:\n  - name: x\n")
                    .setUpdatedAt(TopologyHarness.T0)
                    .build());
    readers.down = true;

    assertThatThrownBy(() -> pipeRaw(SETTINGS.configsTopic(), "team-a", config))
        .satisfies(e -> assertThat(RegistryUnavailableException.causedBy(e)).isTrue());
    assertThat(dlq.isEmpty()).isTrue();
  }

  @Test
  void anAlertReadWhileTheRegistryIsDownFailsTheThreadInsteadOfBeingDeadLettered() {
    start();
    byte[] alert =
        new AvroSerializer<AlertEvent>(writers)
            .serialize(
                SETTINGS.alertsTopic(),
                AlertEvent.newBuilder().setLabels(Map.of("alertname", "Down")).build());
    readers.down = true;

    assertThatThrownBy(() -> pipeRaw(SETTINGS.alertsTopic(), "team-a", alert))
        .satisfies(e -> assertThat(RegistryUnavailableException.causedBy(e)).isTrue());
    assertThat(dlq.isEmpty()).isTrue();
  }

  private void start() {
    driver =
        new TopologyTestDriver(
            AlertstreamTopology.build(SETTINGS, new AvroSerdes(readers)),
            StreamsSettings.properties("unused:9092", stateDir, 1),
            TopologyHarness.T0);
    dlq =
        driver.createOutputTopic(
            SETTINGS.alertsDlqTopic(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private void pipeRaw(String topic, String tenant, byte[] value) {
    driver
        .createInputTopic(topic, new StringSerializer(), new ByteArraySerializer())
        .pipeInput(tenant, value);
  }

  /** A registry that answers as another does, or is unavailable. */
  private static final class SwitchableRegistry implements SchemaRegistryClient {
    private final SchemaRegistryClient delegate;
    volatile boolean down;

    SwitchableRegistry(SchemaRegistryClient delegate) {
      this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
      if (down) {
        throw new RegistryUnavailableException("test registry is down");
      }
      return delegate.register(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
      if (down) {
        throw new RegistryUnavailableException("test registry is down");
      }
      return delegate.schemaById(id);
    }
  }
}
