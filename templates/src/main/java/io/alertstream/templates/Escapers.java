package io.alertstream.templates;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Go's {@code html}, {@code js} and {@code urlquery} escapers. */
public final class Escapers {

  private Escapers() {}

  public static String html(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&#34;");
        case '\'' -> out.append("&#39;");
        case '\0' -> out.append("\uFFFD");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  public static String js(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        case '<' -> out.append("\\u003C");
        case '>' -> out.append("\\u003E");
        case '&' -> out.append("\\u0026");
        case '=' -> out.append("\\u003D");
        default -> {
          if (c < ' ') {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  public static String urlQuery(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
  }
}
