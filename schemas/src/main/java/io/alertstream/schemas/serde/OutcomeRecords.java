package io.alertstream.schemas.serde;

import io.alertstream.schemas.DeliveryOutcome;
import io.alertstream.schemas.DeliveryOutcomeBatch;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record of the outcomes topic, which holds two record types: a single {@link
 * DeliveryOutcome} or a {@link DeliveryOutcomeBatch}, as the sink tasks write them. The writer
 * schema's name, found by the id in the record, says which. A tombstone holds none.
 */
public final class OutcomeRecords implements Deserializer<List<DeliveryOutcome>> {

  private static final String BATCH = DeliveryOutcomeBatch.getClassSchema().getFullName();

  private final SchemaRegistryClient registry;
  private final AvroDeserializer<DeliveryOutcome> single;
  private final AvroDeserializer<DeliveryOutcomeBatch> batch;

  public OutcomeRecords(SchemaRegistryClient registry) {
    this.registry = registry;
    this.single = new AvroDeserializer<>(DeliveryOutcome.class, registry);
    this.batch = new AvroDeserializer<>(DeliveryOutcomeBatch.class, registry);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  /**
   * The outcomes of a record, in the order they were reported.
   *
   * @throws SerializationException if the bytes are neither an outcome nor a batch of them
   */
  @Override
  public List<DeliveryOutcome> deserialize(String topic, byte[] value) {
    if (value == null) {
      return List.of();
    }
    if (BATCH.equals(registry.schemaById(WireFormat.schemaId(value)).getFullName())) {
      return batch.deserialize(topic, value).getOutcomes();
    }
    return List.of(single.deserialize(topic, value));
  }
}
