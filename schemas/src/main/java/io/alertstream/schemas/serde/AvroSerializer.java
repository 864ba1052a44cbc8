package io.alertstream.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in Confluent's wire format, registering the writer schema under the subject
 * {@code <topic>-value} (or {@code <topic>-key}); or, made by {@link #recordNamed}, under {@code
 * <topic>-<record full name>} (Confluent's TopicRecordNameStrategy), for a second record type on a
 * topic.
 */
public final class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

  private SchemaRegistryClient registry;
  private boolean isKey;
  private boolean recordNamed;

  /** For construction by class name; {@link #configure} supplies the registry. */
  public AvroSerializer() {}

  public AvroSerializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  /** Registers under {@code <topic>-<record full name>}. */
  public static <T extends GenericContainer> AvroSerializer<T> recordNamed(
      SchemaRegistryClient registry) {
    AvroSerializer<T> serializer = new AvroSerializer<>(registry);
    serializer.recordNamed = true;
    return serializer;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    if (registry == null) {
      registry = SerdeSettings.clientFrom(configs);
    }
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    Schema schema = record.getSchema();
    String subject = topic + "-" + (recordNamed ? schema.getFullName() : isKey ? "key" : "value");
    int id = registry.register(subject, schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      out.write(WireFormat.header(id));
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writerFor(record, schema).write(record, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "could not write " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(),
          e);
    }
    return out.toByteArray();
  }

  private DatumWriter<T> writerFor(T record, Schema schema) {
    if (record instanceof SpecificRecord) {
      return new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
    }
    return new GenericDatumWriter<>(schema);
  }
}
