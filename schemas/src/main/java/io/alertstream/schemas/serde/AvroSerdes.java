package io.alertstream.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Serdes for the generated record classes, all sharing one registry client. */
public final class AvroSerdes {

  private final SchemaRegistryClient registry;

  public AvroSerdes(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  public <T extends SpecificRecord> Serde<T> forValue(Class<T> type) {
    return Serdes.serdeFrom(new AvroSerializer<>(registry), new AvroDeserializer<>(type, registry));
  }

  public SchemaRegistryClient registry() {
    return registry;
  }
}
