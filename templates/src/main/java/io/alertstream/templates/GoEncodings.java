package io.alertstream.templates;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's URL-safe base64 with padding ({@code base64.URLEncoding}) and {@code url.QueryUnescape},
 * with Go's errors. Decoded bytes that are not UTF-8 become U+FFFD (Go would keep the raw bytes).
 */
final class GoEncodings {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private GoEncodings() {}

  static String base64Encode(String text) {
    return java.util.Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Go's decoder: line breaks ignored, padding required, the first bad byte named. */
  static String base64Decode(String text) throws TemplateException {
    byte[] src = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length * 3 / 4);
    int si = 0;
    while (true) {
      int[] quantum = new int[4];
      int length = 4;
      boolean end = false;
      for (int j = 0; j < 4; j++) {
        if (si == src.length) {
          if (j == 0) {
            return out.toString(StandardCharsets.UTF_8);
          }
          throw corrupt(si - j);
        }
        byte in = src[si++];
        int sextet = in >= 0 ? ALPHABET.indexOf(in) : -1;
        if (sextet >= 0) {
          quantum[j] = sextet;
          continue;
        }
        if (in == '\n' || in == '\r') {
          j--;
          continue;
        }
        if (in != '=' || j < 2) {
          throw corrupt(si - 1);
        }
        if (j == 2) {
          si = skipLineBreaks(src, si);
          if (si == src.length) {
            throw corrupt(src.length);
          }
          if (src[si] != '=') {
            throw corrupt(si - 1);
          }
          si++;
        }
        si = skipLineBreaks(src, si);
        if (si < src.length) {
          throw corrupt(si);
        }
        length = j;
        end = true;
        break;
      }
      int bits = quantum[0] << 18 | quantum[1] << 12 | quantum[2] << 6 | quantum[3];
      out.write(bits >> 16);
      if (length > 2) {
        out.write(bits >> 8 & 0xff);
      }
      if (length > 3) {
        out.write(bits & 0xff);
      }
      if (end) {
        return out.toString(StandardCharsets.UTF_8);
      }
    }
  }

  private static int skipLineBreaks(byte[] src, int si) {
    while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
      si++;
    }
    return si;
  }

  private static TemplateException corrupt(int at) {
    return new TemplateException("illegal base64 data at input byte " + at);
  }

  /** {@code url.QueryUnescape}: {@code +} is a space, {@code %XX} a byte. */
  static String queryUnescape(String s) throws TemplateException {
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      byte b = in[i];
      if (b == '%') {
        if (i + 2 >= in.length || hex(in[i + 1]) < 0 || hex(in[i + 2]) < 0) {
          int end = Math.min(in.length, i + 3);
          throw new TemplateException(
              "invalid URL escape " + quoteBytes(java.util.Arrays.copyOfRange(in, i, end)));
        }
        out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
        i += 2;
      } else {
        out.write(b == '+' ? ' ' : b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit((char) (b & 0xff), 16) >= 0 && b >= 0 ? Character.digit(b, 16) : -1;
  }

  /** strconv.Quote of bytes that may end inside a UTF-8 sequence. */
  private static String quoteBytes(byte[] bytes) {
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    if (java.util.Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), bytes)) {
      return GoQuote.quote(decoded, false);
    }
    StringBuilder out = new StringBuilder("\"");
    for (byte b : bytes) {
      if (b >= 0x20 && b < 0x7f) {
        if (b == '"' || b == '\\') {
          out.append('\\');
        }
        out.append((char) b);
      } else {
        out.append(String.format("\\x%02x", b & 0xff));
      }
    }
    return out.append('"').toString();
  }
}
