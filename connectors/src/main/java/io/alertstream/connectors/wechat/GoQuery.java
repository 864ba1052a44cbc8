package io.alertstream.connectors.wechat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Go's {@code url.Values.Encode}: keys sorted, values escaped as {@code url.QueryEscape} does. */
final class GoQuery {

  private GoQuery() {}

  static String encode(Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
      if (!out.isEmpty()) {
        out.append('&');
      }
      out.append(escape(e.getKey())).append('=').append(escape(e.getValue()));
    }
    return out.toString();
  }

  /** Letters, digits and {@code -_.~} kept, a space as {@code +}, any other byte as {@code %XX}. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
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
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}
