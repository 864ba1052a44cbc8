package io.alertstream.connectors.sns;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An AWS Query API form as the Go SDK writes it: parameters sorted by name, escaped as Go's {@code
 * url.QueryEscape} (letters, digits and {@code -_.~} kept, a space as {@code +}, any other byte as
 * {@code %XX}).
 */
final class QueryForm {

  private QueryForm() {}

  static String encode(Map<String, String> parameters) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(parameters).entrySet()) {
      if (!out.isEmpty()) {
        out.append('&');
      }
      escape(e.getKey(), out);
      out.append('=');
      escape(e.getValue(), out);
    }
    return out.toString();
  }

  private static void escape(String text, StringBuilder out) {
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
  }
}
