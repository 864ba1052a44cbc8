package io.alertstream.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The schema registry could not be reached or refused a request. */
public class SchemaRegistryException extends SerializationException {

  public SchemaRegistryException(String message) {
    super(message);
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
