package io.alertstream.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format Avro into the generated class {@code T}: the writer schema comes from
 * the registry by the id in the bytes, and Avro's schema resolution fills fields the writer did not
 * know with their defaults.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final Schema readerSchema;
  private final SpecificData model;
  private final Map<Integer, DatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
  private SchemaRegistryClient registry;

  public AvroDeserializer(Class<T> type) {
    this(type, null);
  }

  public AvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
    this.model = SpecificData.getForClass(type);
    this.readerSchema = model.getSchema(type);
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (registry == null) {
      registry = SerdeSettings.clientFrom(configs);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = WireFormat.schemaId(data);
    DatumReader<T> reader = readersByWriterId.computeIfAbsent(id, this::readerFor);
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(
                data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
    try {
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "could not read "
              + readerSchema.getFullName()
              + " (writer schema id "
              + id
              + ") from topic "
              + topic
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private DatumReader<T> readerFor(int writerSchemaId) {
    Schema writer = registry.schemaById(writerSchemaId);
    return new SpecificDatumReader<>(writer, readerSchema, model);
  }
}
