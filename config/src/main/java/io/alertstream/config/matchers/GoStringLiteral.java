package io.alertstream.config.matchers;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a double-quoted Go string literal as Go's {@code strconv.Unquote} does: the escapes {@code
 * \a \b \f \n \r \t \v \\ \"}, {@code \xHH}, octal {@code \ooo}, {@code \\uHHHH} and {@code
 * \UHHHHHHHH}; no raw newline, no unescaped quote inside. The result must be valid UTF-8, as
 * Alertmanager requires of matcher names and values.
 */
final class GoStringLiteral {

  private GoStringLiteral() {}

  /**
   * @throws IllegalArgumentException when {@code literal} is not a valid double-quoted literal
   */
  static String unquote(String literal) {
    if (literal.length() < 2 || literal.charAt(0) != '"' || !literal.endsWith("\"")) {
      throw new IllegalArgumentException("not a double-quoted string");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(literal.length());
    int end = literal.length() - 1;
    int i = 1;
    while (i < end) {
      int c = literal.codePointAt(i);
      if (c == '"' || c == '\n') {
        throw new IllegalArgumentException("unescaped " + (c == '"' ? "quote" : "newline"));
      }
      if (c != '\\') {
        out.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c);
        continue;
      }
      if (i + 1 >= end) {
        throw new IllegalArgumentException("escape at the end");
      }
      char e = literal.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a' -> out.write(7);
        case 'b' -> out.write('\b');
        case 'f' -> out.write('\f');
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case 't' -> out.write('\t');
        case 'v' -> out.write(11);
        case '\\' -> out.write('\\');
        case '"' -> out.write('"');
        case 'x' -> {
          out.write(hex(literal, i, 2, end));
          i += 2;
        }
        case 'u', 'U' -> {
          int digits = e == 'u' ? 4 : 8;
          int codePoint = hex(literal, i, digits, end);
          if (!Character.isValidCodePoint(codePoint)
              || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            throw new IllegalArgumentException("invalid code point");
          }
          out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
          i += digits;
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          if (i + 2 > end) {
            throw new IllegalArgumentException("short octal escape");
          }
          int value = 0;
          for (int k = i - 1; k < i + 2; k++) {
            char d = literal.charAt(k);
            if (d < '0' || d > '7') {
              throw new IllegalArgumentException("bad octal escape");
            }
            value = value * 8 + (d - '0');
          }
          if (value > 255) {
            throw new IllegalArgumentException("octal escape out of range");
          }
          out.write(value);
          i += 2;
        }
        default -> throw new IllegalArgumentException("unknown escape");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("quoted string contains invalid UTF-8 code points");
    }
  }

  private static int hex(String text, int from, int digits, int end) {
    if (from + digits > end) {
      throw new IllegalArgumentException("short hex escape");
    }
    int value = 0;
    for (int k = from; k < from + digits; k++) {
      int d = Character.digit(text.charAt(k), 16);
      if (d < 0) {
        throw new IllegalArgumentException("bad hex escape");
      }
      value = value * 16 + d;
    }
    return value;
  }
}
