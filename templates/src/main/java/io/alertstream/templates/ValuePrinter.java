package io.alertstream.templates;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Prints one operand for one verb the way Go's fmt does: by the kind of Go value it stands for
 * ({@link GoShapes}), with String() and GoString() where Go's type has them, element by element for
 * slices, maps and structs, and {@code %!verb(type=value)} for a verb the kind does not take.
 */
final class ValuePrinter {

  private final FmtBuffer out;

  ValuePrinter(FmtBuffer out) {
    this.out = out;
  }

  /** A top-level operand, which %T and %p look at as a whole. */
  void printArg(Object arg, int verb, FmtSpec spec) throws TemplateException {
    if (verb == 'T') {
      // A type name is text that precision cuts; nil has no type, and its "<nil>" is not cut.
      String type = arg == null ? "<nil>" : truncated(GoShapes.of(arg).type(), spec);
      out.pad(type, spec, true);
    } else if (arg == null) {
      if (verb == 'v') {
        out.pad("<nil>", spec, true);
      } else {
        badVerb(null, verb, spec);
      }
    } else if (verb == 'p') {
      address(arg, spec);
    } else if (verb == 'w') {
      // Only fmt.Errorf takes %w; to Sprintf it is wrong for every operand.
      badVerb(arg, verb, spec);
    } else {
      printValue(arg, verb, spec, 0, true);
    }
  }

  /**
   * @param depth 0 for the operand itself: only there is a pointer to a struct printed as
   *     &amp;{...}
   * @param methods whether String() and GoString() may be called: not anywhere inside a bad verb's
   *     operand
   */
  private void printValue(Object v, int verb, FmtSpec spec, int depth, boolean methods)
      throws TemplateException {
    if (methods && printedByMethod(v, verb, spec)) {
      return;
    }
    GoShape shape = GoShapes.of(v);
    if (shape instanceof GoShape.Nil) {
      if (verb == 'v') {
        out.pad(spec.sharpV() ? "interface {}(nil)" : "<nil>", spec, true);
      } else {
        badVerb(null, verb, spec);
      }
    } else if (shape instanceof GoShape.Bool b) {
      if (verb == 't' || verb == 'v') {
        out.pad(String.valueOf(b.value()), spec, true);
      } else {
        badVerb(v, verb, spec);
      }
    } else if (shape instanceof GoShape.Int i) {
      integer(v, i, verb, spec);
    } else if (shape instanceof GoShape.Float f) {
      if ("vbgGxXfFeE".indexOf(verb) >= 0) {
        out.pad(FloatText.format(f.value(), verb, spec), spec, false);
      } else {
        badVerb(v, verb, spec);
      }
    } else if (shape instanceof GoShape.Str s) {
      if ("vsxXq".indexOf(verb) >= 0) {
        string(s.value(), verb, spec);
      } else {
        badVerb(v, verb, spec);
      }
    } else if (shape instanceof GoShape.Slice s) {
      elements(s.type(), s.elements(), verb, spec, depth, methods);
    } else if (shape instanceof GoShape.MapOf m) {
      entries(m.type(), m.entries(), verb, spec, depth, methods);
    } else if (shape instanceof GoShape.Struct s) {
      fields(s, verb, spec, depth, methods);
    } else if (shape instanceof GoShape.Pointer p) {
      if (depth == 0 && p.target() != null) {
        out.append('&');
        printValue(p.target(), verb, spec, depth + 1, methods);
      } else {
        pointer(p, verb, spec);
      }
    }
  }

  /** String() for the verbs that print text (GoString() for %#v); false when not called. */
  private boolean printedByMethod(Object v, int verb, FmtSpec spec) throws TemplateException {
    if (spec.sharpV()) {
      String goString = GoShapes.goStringMethod(v);
      if (goString != null) {
        out.pad(truncated(goString, spec), spec, true);
        return true;
      }
      return false;
    }
    if ("vsxXq".indexOf(verb) < 0) {
      return false;
    }
    String string = GoShapes.stringMethod(v);
    if (string != null) {
      string(string, verb, spec);
      return true;
    }
    return false;
  }

  private void integer(Object v, GoShape.Int i, int verb, FmtSpec spec) throws TemplateException {
    switch (verb) {
      case 'v', 'd', 'b', 'o', 'O', 'x', 'X' ->
          out.pad(IntegerText.number(i.value(), i.unsigned(), verb, spec), spec, false);
      case 'c' -> out.pad(IntegerText.character(i.value()), spec, true);
      case 'q' -> out.pad(IntegerText.quoted(i.value(), spec), spec, true);
      case 'U' -> out.pad(IntegerText.unicode(i.value(), spec), spec, false);
      default -> badVerb(v, verb, spec);
    }
  }

  private void string(String s, int verb, FmtSpec spec) throws TemplateException {
    switch (verb) {
      case 'x', 'X' -> out.pad(hex(s, verb == 'X', spec), spec, true);
      case 'q' -> out.pad(quoted(truncated(s, spec), spec), spec, true);
      default -> {
        String text = truncated(s, spec);
        out.pad(spec.sharpV() ? GoQuote.quote(text, false) : text, spec, true);
      }
    }
  }

  /** %q: Go's quoting; '#' a raw backquoted string where possible, '+' ASCII only. */
  private static String quoted(String s, FmtSpec spec) {
    if (spec.sharp() && GoQuote.canBackquote(s)) {
      return "`" + s + "`";
    }
    return GoQuote.quote(s, spec.plus());
  }

  /** %x of a string: its UTF-8 bytes (precision counts bytes), ' ' spacing, '#' 0x prefixes. */
  private static String hex(String s, boolean upper, FmtSpec spec) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    int n = spec.hasPrecision() ? Math.min(spec.precision(), bytes.length) : bytes.length;
    String digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    StringBuilder text = new StringBuilder(n * 5);
    for (int i = 0; i < n; i++) {
      if (spec.space() && i > 0) {
        text.append(' ');
      }
      if (spec.sharp() && (spec.space() || i == 0)) {
        text.append(upper ? "0X" : "0x");
      }
      text.append(digits.charAt((bytes[i] >> 4) & 0xF)).append(digits.charAt(bytes[i] & 0xF));
    }
    return text.toString();
  }

  /** Precision cuts text to that many runes. */
  private static String truncated(String s, FmtSpec spec) {
    if (!spec.hasPrecision() || s.codePointCount(0, s.length()) <= spec.precision()) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, spec.precision()));
  }

  private void elements(
      String type, List<?> elements, int verb, FmtSpec spec, int depth, boolean methods)
      throws TemplateException {
    out.append(spec.sharpV() ? type + "{" : "[");
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.append(spec.sharpV() ? ", " : " ");
      }
      printValue(elements.get(i), verb, spec, depth + 1, methods);
    }
    out.append(spec.sharpV() ? '}' : ']');
  }

  private void entries(
      String type,
      List<Map.Entry<Object, Object>> entries,
      int verb,
      FmtSpec spec,
      int depth,
      boolean methods)
      throws TemplateException {
    out.append(spec.sharpV() ? type + "{" : "map[");
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        out.append(spec.sharpV() ? ", " : " ");
      }
      printValue(entries.get(i).getKey(), verb, spec, depth + 1, methods);
      out.append(':');
      printValue(entries.get(i).getValue(), verb, spec, depth + 1, methods);
    }
    out.append(spec.sharpV() ? '}' : ']');
  }

  /** {v1 v2}, with %+v {Name:v1 Other:v2}, with %#v Type{Name:v1, Other:v2}. */
  private void fields(GoShape.Struct s, int verb, FmtSpec spec, int depth, boolean methods)
      throws TemplateException {
    if (spec.sharpV()) {
      out.append(s.type());
    }
    out.append('{');
    for (int i = 0; i < s.fields().size(); i++) {
      GoShape.Field field = s.fields().get(i);
      if (i > 0) {
        out.append(spec.sharpV() ? ", " : " ");
      }
      if (spec.plusV() || spec.sharpV()) {
        out.append(field.name()).append(':');
      }
      printValue(field.value(), verb, spec, depth + 1, methods);
    }
    out.append('}');
  }

  /** A pointer inside a value: its address as a number, or nil. */
  private void pointer(GoShape.Pointer p, int verb, FmtSpec spec) throws TemplateException {
    long address = p.target() == null ? 0 : GoShape.Pointer.ADDRESS;
    switch (verb) {
      case 'v' -> {
        if (spec.sharpV()) {
          String where = p.target() == null ? "nil" : "0x" + Long.toHexString(address);
          out.append("(" + p.type() + ")(" + where + ")");
        } else {
          out.pad(p.target() == null ? "<nil>" : "0x" + Long.toHexString(address), spec, true);
        }
      }
      case 'b', 'o', 'd', 'x', 'X' ->
          out.pad(IntegerText.number(address, true, verb, spec), spec, false);
      default -> badVerb(p, verb, spec);
    }
  }

  /** %p: only slices, maps and pointers have an address to show. */
  private void address(Object arg, FmtSpec spec) throws TemplateException {
    GoShape shape = GoShapes.of(arg);
    if (shape instanceof GoShape.Slice
        || shape instanceof GoShape.MapOf
        || shape instanceof GoShape.Pointer) {
      String hex = Long.toHexString(GoShape.Pointer.ADDRESS);
      out.pad(spec.sharp() ? hex : "0x" + hex, spec, false);
    } else {
      badVerb(arg, 'p', spec);
    }
  }

  /** %!verb(type=value): the value printed as %v would, with the same flags, but no methods. */
  private void badVerb(Object v, int verb, FmtSpec spec) throws TemplateException {
    out.append("%!").appendCodePoint(verb).append('(');
    GoShape shape = GoShapes.of(v);
    if (shape instanceof GoShape.Nil) {
      out.append("<nil>");
    } else {
      out.append(shape.type()).append('=');
      printValue(v, 'v', spec, 0, false);
    }
    out.append(')');
  }
}
