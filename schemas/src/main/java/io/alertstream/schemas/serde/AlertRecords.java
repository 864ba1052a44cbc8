package io.alertstream.schemas.serde;

import io.alertstream.schemas.AlertBatch;
import io.alertstream.schemas.AlertEvent;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads a record of the alerts topic, which holds two record types: a single {@link AlertEvent}, as
 * any Kafka producer may write, or an {@link AlertBatch}, as the API writes one per POST. The
 * writer schema's name, found by the id in the record, says which.
 */
public final class AlertRecords {

  private static final String BATCH = AlertBatch.getClassSchema().getFullName();

  private final SchemaRegistryClient registry;
  private final AvroDeserializer<AlertEvent> single;
  private final AvroDeserializer<AlertBatch> batch;

  public AlertRecords(SchemaRegistryClient registry) {
    this.registry = registry;
    this.single = new AvroDeserializer<>(AlertEvent.class, registry);
    this.batch = new AvroDeserializer<>(AlertBatch.class, registry);
  }

  /**
   * What one record holds.
   *
   * @param alerts in the order they were written
   * @param batch the record is an {@link AlertBatch}, not a single alert
   */
  public record Read(List<AlertEvent> alerts, boolean batch) {}

  /**
   * The alerts of a record.
   *
   * @throws SerializationException if the bytes are not an alert or a batch of alerts
   * @throws SchemaRegistryException if the registry could not be asked for the writer schema
   */
  public Read read(String topic, byte[] value) {
    if (value == null) {
      throw new SerializationException("no value (a tombstone)");
    }
    if (BATCH.equals(registry.schemaById(WireFormat.schemaId(value)).getFullName())) {
      return new Read(batch.deserialize(topic, value).getAlerts(), true);
    }
    return new Read(List.of(single.deserialize(topic, value)), false);
  }
}
