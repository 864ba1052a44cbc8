package io.alertstream.templates;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** How Go's templates and fmt see Java values: truth, printing, comparison. */
final class GoValues {

  private GoValues() {}

  /** Go's truth: false, 0, nil and empty strings, slices and maps are false. */
  static boolean truth(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (v instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (v instanceof SafeHtml h) {
      return !h.html().isEmpty();
    }
    if (v instanceof SafeUrl u) {
      return !u.url().isEmpty();
    }
    return true;
  }

  /** How a template action prints a value: Go's fmt.Print (a pointer followed). */
  static String print(Object v) {
    return GoFmt.print(v);
  }

  /** Go's %v of a float64: the shortest digits, an exponent from 1e+06 and below 1e-04. */
  static String formatFloat(double d) {
    return GoFmt.formatFloat(d);
  }

  static String typeName(Object v) {
    if (v == null) {
      return "nil";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Long || v instanceof Integer) {
      return "int";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof TemplateObject t) {
      return t.typeName();
    }
    if (v instanceof List<?>) {
      return "slice";
    }
    if (v instanceof Map<?, ?>) {
      return "map";
    }
    return v.getClass().getSimpleName();
  }

  static boolean isInteger(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
  }

  /** Go's eq for basic values: same kind and value; integers and floats compare numerically. */
  static boolean equal(Object a, Object b) throws TemplateException {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number x && b instanceof Number y) {
      if (isInteger(x) && isInteger(y)) {
        return x.longValue() == y.longValue();
      }
      return x.doubleValue() == y.doubleValue();
    }
    if (a instanceof CharSequence || b instanceof CharSequence) {
      if (!(a instanceof CharSequence) || !(b instanceof CharSequence)) {
        throw new TemplateException("error calling eq: incompatible types for comparison");
      }
      return a.toString().equals(b.toString());
    }
    if (a instanceof Boolean || b instanceof Boolean) {
      if (!(a instanceof Boolean) || !(b instanceof Boolean)) {
        throw new TemplateException("error calling eq: incompatible types for comparison");
      }
      return a.equals(b);
    }
    return a.equals(b);
  }

  /** Order for lt/le/gt/ge: numbers with numbers, strings with strings. */
  static int compare(Object a, Object b, String fn) throws TemplateException {
    if (a instanceof Number x && b instanceof Number y) {
      if (isInteger(x) && isInteger(y)) {
        return Long.compare(x.longValue(), y.longValue());
      }
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof CharSequence x && b instanceof CharSequence y) {
      return x.toString().compareTo(y.toString());
    }
    if (a == null || b == null || a instanceof Boolean || b instanceof Boolean) {
      throw new TemplateException("error calling " + fn + ": invalid type for comparison");
    }
    throw new TemplateException("error calling " + fn + ": incompatible types for comparison");
  }
}
