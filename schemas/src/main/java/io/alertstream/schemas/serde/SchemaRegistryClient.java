package io.alertstream.schemas.serde;

import org.apache.avro.Schema;

/** The two calls of the Confluent Schema Registry REST API that a serde needs. */
public interface SchemaRegistryClient {

  /** Registers the schema under the subject (or finds it there) and returns its global id. */
  int register(String subject, Schema schema);

  /** The writer schema with this global id. */
  Schema schemaById(int id);
}
