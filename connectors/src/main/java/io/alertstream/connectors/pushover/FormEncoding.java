package io.alertstream.connectors.pushover;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A form as Go's {@code url.Values.Encode} writes it: {@code name=value} pairs joined by {@code &},
 * each escaped as {@code url.QueryEscape} does (letters, digits and {@code -_.~} kept, a space as
 * {@code +}, any other byte as {@code %XX}). The pairs are written in the map's order.
 */
final class FormEncoding {

  private FormEncoding() {}

  static String encode(Map<String, String> form) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : form.entrySet()) {
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
