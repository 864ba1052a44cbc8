package io.alertstream.connectors.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A form or query string as Go's {@code url.Values.Encode} writes it (and so Alertmanager and the
 * AWS Go SDK): {@code name=value} pairs sorted by name, joined by {@code &}, each escaped as {@code
 * url.QueryEscape} escapes (letters, digits and {@code -_.~} kept, a space as {@code +}, any other
 * byte of the UTF-8 as {@code %XX}).
 */
public final class GoUrlValues {

  private GoUrlValues() {}

  public static String encode(Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
      if (!out.isEmpty()) {
        out.append('&');
      }
      out.append(escape(e.getKey())).append('=').append(escape(e.getValue()));
    }
    return out.toString();
  }

  /** One name or value as {@code url.QueryEscape} writes it. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
