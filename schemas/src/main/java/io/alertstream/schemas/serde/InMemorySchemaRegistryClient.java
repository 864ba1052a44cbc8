package io.alertstream.schemas.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/** A registry in a map, for unit tests and the topology test driver. */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private final List<Schema> schemas = new ArrayList<>();
  private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    return ids.computeIfAbsent(
        schema,
        s -> {
          schemas.add(s);
          return schemas.size();
        });
  }

  @Override
  public synchronized Schema schemaById(int id) {
    if (id < 1 || id > schemas.size()) {
      throw new SchemaRegistryException("no schema with id " + id);
    }
    return schemas.get(id - 1);
  }
}
