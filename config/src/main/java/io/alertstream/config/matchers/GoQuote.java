package io.alertstream.config.matchers;

/** Quotes a string as Go's {@code strconv.Quote} does, which Alertmanager uses in keys. */
public final class GoQuote {

  private GoQuote() {}

  public static String quote(String s) {
    if (isPlain(s)) {
      return '"' + s + '"';
    }
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case 0x07 -> out.append("\\a");
                case 0x08 -> out.append("\\b");
                case 0x0c -> out.append("\\f");
                case 0x0b -> out.append("\\v");
                default -> {
                  if (cp < 0x20 || cp == 0x7f) {
                    out.append(String.format("\\x%02x", cp));
                  } else if (!isPrintable(cp)) {
                    out.append(
                        cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
                  } else {
                    out.appendCodePoint(cp);
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  /** Printable ASCII without quote or backslash needs no escaping: the common case, made cheap. */
  private static boolean isPlain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static boolean isPrintable(int cp) {
    int type = Character.getType(cp);
    return type != Character.CONTROL
        && type != Character.FORMAT
        && type != Character.UNASSIGNED
        && type != Character.SURROGATE
        && type != Character.PRIVATE_USE
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR
        && (type != Character.SPACE_SEPARATOR || cp == ' ');
  }
}
