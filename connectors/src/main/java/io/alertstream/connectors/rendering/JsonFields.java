package io.alertstream.connectors.rendering;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON building as Go's encoder does it for {@code omitempty} strings. */
public final class JsonFields {

  private JsonFields() {}

  /** Sets the field unless the value is empty, as a Go {@code omitempty} string field. */
  public static void putIfNotEmpty(ObjectNode node, String name, String value) {
    if (!value.isEmpty()) {
      node.put(name, value);
    }
  }
}
