package io.alertstream.templates;

import java.util.List;

/** Go's fmt.Sprintf for the verbs templates use: v s q d f e g x X t c o b %, width, precision. */
final class Printf {

  private Printf() {}

  static String format(String format, List<Object> args) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      int start = i++;
      StringBuilder flags = new StringBuilder();
      while (i < format.length() && "-+# 0".indexOf(format.charAt(i)) >= 0) {
        flags.append(format.charAt(i++));
      }
      int width = -1;
      int w = i;
      while (i < format.length() && Character.isDigit(format.charAt(i))) {
        i++;
      }
      if (i > w) {
        width = Integer.parseInt(format.substring(w, i));
      }
      int precision = -1;
      if (i < format.length() && format.charAt(i) == '.') {
        int p = ++i;
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
          i++;
        }
        precision = i > p ? Integer.parseInt(format.substring(p, i)) : 0;
      }
      if (i >= format.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      char verb = format.charAt(i);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (next >= args.size()) {
        out.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      Object arg = args.get(next++);
      String text = verb(verb, arg, precision, flags.toString());
      out.append(
          pad(text, width, flags.indexOf("-") >= 0, flags.indexOf("0") >= 0 && isNumber(arg)));
      if (start < 0) {
        break;
      }
    }
    if (next < args.size()) {
      out.append("%!(EXTRA ");
      for (int i = next; i < args.size(); i++) {
        if (i > next) {
          out.append(", ");
        }
        out.append(GoValues.typeName(args.get(i))).append('=').append(GoValues.print(args.get(i)));
      }
      out.append(')');
    }
    return out.toString();
  }

  private static boolean isNumber(Object v) {
    return v instanceof Number;
  }

  private static String verb(char verb, Object arg, int precision, String flags) {
    switch (verb) {
      case 'v', 's' -> {
        String s = GoValues.print(arg);
        return precision >= 0 && s.length() > precision ? s.substring(0, precision) : s;
      }
      case 'q' -> {
        return arg instanceof CharSequence ? quote(arg.toString()) : bad(verb, arg);
      }
      case 'd' -> {
        return GoValues.isInteger(arg)
            ? (flags.contains("+") && ((Number) arg).longValue() >= 0 ? "+" : "")
                + ((Number) arg).longValue()
            : bad(verb, arg);
      }
      case 'f', 'F', 'e', 'E', 'g', 'G' -> {
        if (!(arg instanceof Number n) || GoValues.isInteger(arg)) {
          return bad(verb, arg);
        }
        double d = n.doubleValue();
        if (verb == 'g' || verb == 'G') {
          return precision < 0 ? GoValues.formatFloat(d) : String.format("%." + precision + "g", d);
        }
        String javaVerb = String.valueOf(Character.toLowerCase(verb) == 'f' ? 'f' : verb);
        String s =
            String.format(
                "%"
                    + (flags.contains("+") ? "+" : "")
                    + "."
                    + (precision < 0 ? 6 : precision)
                    + javaVerb,
                d);
        if (javaVerb.equalsIgnoreCase("e")) {
          // Go writes at least two exponent digits, as Java does; nothing to change.
          return s;
        }
        return s;
      }
      case 'x', 'X' -> {
        String s;
        if (GoValues.isInteger(arg)) {
          s = Long.toHexString(((Number) arg).longValue());
        } else if (arg instanceof CharSequence cs) {
          StringBuilder hex = new StringBuilder();
          for (byte b : cs.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hex.append(String.format("%02x", b));
          }
          s = hex.toString();
        } else {
          return bad(verb, arg);
        }
        return verb == 'X' ? s.toUpperCase(java.util.Locale.ROOT) : s;
      }
      case 'o' -> {
        return GoValues.isInteger(arg)
            ? Long.toOctalString(((Number) arg).longValue())
            : bad(verb, arg);
      }
      case 'b' -> {
        return GoValues.isInteger(arg)
            ? Long.toBinaryString(((Number) arg).longValue())
            : bad(verb, arg);
      }
      case 'c' -> {
        return GoValues.isInteger(arg)
            ? new String(Character.toChars((int) ((Number) arg).longValue()))
            : bad(verb, arg);
      }
      case 't' -> {
        return arg instanceof Boolean ? arg.toString() : bad(verb, arg);
      }
      default -> {
        return bad(verb, arg);
      }
    }
  }

  private static String bad(char verb, Object arg) {
    return "%!" + verb + "(" + GoValues.typeName(arg) + "=" + GoValues.print(arg) + ")";
  }

  private static String pad(String s, int width, boolean left, boolean zeros) {
    int length = s.codePointCount(0, s.length());
    if (width <= length) {
      return s;
    }
    String fill = (zeros && !left ? "0" : " ").repeat(width - length);
    return left ? s + fill : fill + s;
  }

  /** strconv.Quote. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < ' ' || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
