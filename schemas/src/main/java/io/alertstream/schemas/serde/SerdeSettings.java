package io.alertstream.schemas.serde;

import java.util.Map;

/** Configuration keys the serde takes, named as Confluent's serde names them. */
public final class SerdeSettings {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  private SerdeSettings() {}

  static SchemaRegistryClient clientFrom(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new IllegalArgumentException(SCHEMA_REGISTRY_URL + " must be set");
    }
    return new RestSchemaRegistryClient(url.toString().split(",")[0].trim());
  }
}
