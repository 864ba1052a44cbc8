package io.alertstream.templates;

import java.util.List;
import java.util.Map;

/**
 * A template value as Go's fmt sees it: its kind, its Go type name and its parts. {@link GoShapes}
 * makes one from a Java value; parts are Java values or shapes themselves.
 */
sealed interface GoShape {

  /** Go's name of the type, as %T prints it. */
  String type();

  /** An interface holding nothing: Go's untyped nil. */
  record Nil() implements GoShape {
    @Override
    public String type() {
      return "<nil>";
    }
  }

  record Bool(boolean value) implements GoShape {
    @Override
    public String type() {
      return "bool";
    }
  }

  /** Any integer type; {@code unsigned} reads {@code value}'s 64 bits as unsigned. */
  record Int(long value, boolean unsigned, String type) implements GoShape {}

  record Float(double value) implements GoShape {
    @Override
    public String type() {
      return "float64";
    }
  }

  /** A string type: string, or a named one such as template.HTML. */
  record Str(String value, String type) implements GoShape {}

  /** A slice; {@code ofInterfaces} when its elements are interface {} values. */
  record Slice(String type, List<?> elements, boolean ofInterfaces) implements GoShape {}

  /** A map, its entries in Go's printing order (sorted keys). */
  record MapOf(String type, List<Map.Entry<Object, Object>> entries, boolean ofInterfaces)
      implements GoShape {}

  record Struct(String type, List<Field> fields) implements GoShape {}

  record Field(String name, Object value) {}

  /** A pointer; {@code target} is null for a nil pointer. */
  record Pointer(String type, GoShape target) implements GoShape {

    /** No real address exists; Go's would differ from run to run anyway. */
    static final long ADDRESS = 0xc000010000L;
  }
}
