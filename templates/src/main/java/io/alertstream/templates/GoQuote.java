package io.alertstream.templates;

/**
 * Go's quoted literals, as strconv writes them: double-quoted strings ({@code Quote}, and {@code
 * QuoteToASCII} for {@code %+q}), single-quoted runes, and the test for a raw backquoted string.
 * What counts as printable follows Go's unicode.IsPrint. Also what Alertmanager writes in keys and
 * matchers ({@code strconv.Quote}).
 */
public final class GoQuote {

  private static final String HEX = "0123456789abcdef";

  private GoQuote() {}

  /** {@code strconv.Quote}. */
  public static String quote(String s) {
    return isPlain(s) ? '"' + s + '"' : quote(s, false);
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

  /** {@code "..."} with Go's escapes; {@code asciiOnly} escapes everything outside ASCII too. */
  static String quote(String s, boolean asciiOnly) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      escape(out, validOrReplacement(cp), '"', asciiOnly);
    }
    return out.append('"').toString();
  }

  /** {@code 'x'}: a rune as Go quotes it; a value that is no valid rune becomes U+FFFD. */
  static String quoteRune(long rune, boolean asciiOnly) {
    StringBuilder out = new StringBuilder(12).append('\'');
    escape(out, validRune(rune) ? (int) rune : 0xFFFD, '\'', asciiOnly);
    return out.append('\'').toString();
  }

  /** Whether the text can be written as is between backquotes, on one line. */
  static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      boolean control = (cp < ' ' && cp != '\t') || cp == 0x7F;
      if (control || cp == '`' || cp == 0xFEFF || isSurrogate(cp)) {
        return false;
      }
    }
    return true;
  }

  /** A code point Go can hold in a rune and encode: in range and not a surrogate half. */
  static boolean validRune(long rune) {
    return rune >= 0 && rune <= Character.MAX_CODE_POINT && !isSurrogate((int) rune);
  }

  private static boolean isSurrogate(int cp) {
    return cp >= 0xD800 && cp <= 0xDFFF;
  }

  /**
   * Go's unicode.IsPrint: letters, marks, numbers, punctuation and symbols, and the ASCII space; no
   * other space, no control or format character, nothing unassigned.
   */
  static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  /** A lone surrogate in a Java string has no UTF-8 form; Go would see U+FFFD in its place. */
  private static int validOrReplacement(int cp) {
    return isSurrogate(cp) ? 0xFFFD : cp;
  }

  private static void escape(StringBuilder out, int cp, char quote, boolean asciiOnly) {
    if (cp == quote || cp == '\\') {
      out.append('\\').appendCodePoint(cp);
      return;
    }
    if (isPrint(cp) && (!asciiOnly || cp < 0x80)) {
      out.appendCodePoint(cp);
      return;
    }
    switch (cp) {
      case 0x07 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 0x0B -> out.append("\\v");
      default -> {
        if (cp < ' ' || cp == 0x7F) {
          hex(out.append("\\x"), cp, 2);
        } else if (cp <= 0xFFFF) {
          hex(out.append("\\u"), cp, 4);
        } else {
          hex(out.append("\\U"), cp, 8);
        }
      }
    }
  }

  private static void hex(StringBuilder out, int value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX.charAt((value >>> shift) & 0xF));
    }
  }
}
