package io.alertstream.templates;

import java.util.Locale;

/**
 * Go's verbs for integers: %d %b %o %O %x %X (and %v) as numbers, %c as the character, %q as a
 * quoted rune, %U as U+hex. Results leave width padding with spaces to the caller.
 */
final class IntegerText {

  private IntegerText() {}

  /**
   * The number in the verb's base: sign ('-', or '+' or ' ' when asked), the '#' prefix (0b, 0, 0x)
   * or %O's 0o, then the digits, which precision (or '0' with a width) extends with leading zeros.
   */
  static FmtText number(long value, boolean unsigned, int verb, FmtSpec spec) {
    if (spec.hasPrecision() && spec.precision() == 0 && value == 0) {
      return new FmtText();
    }
    boolean goHex = verb == 'v' && spec.sharpV() && unsigned;
    int base =
        switch (verb) {
          case 'b' -> 2;
          case 'o', 'O' -> 8;
          case 'x', 'X' -> 16;
          default -> goHex ? 16 : 10;
        };
    boolean negative = !unsigned && value < 0;
    String digits = Long.toUnsignedString(negative ? -value : value, base);
    if (verb == 'X') {
      digits = digits.toUpperCase(Locale.ROOT);
    }
    String sign = negative ? "-" : spec.plus() ? "+" : spec.space() ? " " : "";
    long wanted = 0;
    if (spec.hasPrecision()) {
      wanted = spec.precision();
    } else if (spec.zeroPad() && spec.hasWidth()) {
      wanted = spec.width() - sign.length();
    }
    long zeros = Math.max(0, wanted - digits.length());
    StringBuilder prefix = new StringBuilder(sign);
    if (verb == 'O') {
      prefix.append("0o");
    }
    if (goHex) {
      prefix.append("0x");
    } else if (spec.sharp()) {
      switch (base) {
        case 2 -> prefix.append("0b");
        case 8 -> prefix.append(zeros > 0 || digits.charAt(0) == '0' ? "" : "0");
        case 16 -> prefix.append(verb == 'X' ? "0X" : "0x");
        default -> {}
      }
    }
    return FmtText.of(prefix.toString()).run('0', zeros).add(digits);
  }

  /** %c: the rune itself; a value that is no valid rune prints as U+FFFD. */
  static String character(long value) {
    return GoQuote.validRune(value) ? Character.toString((int) value) : "\uFFFD";
  }

  /** %q: the rune in single quotes, escaped; '+' keeps the result ASCII. */
  static String quoted(long value, FmtSpec spec) {
    return GoQuote.quoteRune(value, spec.plus());
  }

  /** %U: U+ and at least four (or precision) hex digits; '#' adds the rune when printable. */
  static FmtText unicode(long value, FmtSpec spec) {
    String hex = Long.toHexString(value).toUpperCase(Locale.ROOT);
    long wanted = Math.max(4, spec.hasPrecision() ? spec.precision() : 0);
    FmtText out = FmtText.of("U+").run('0', wanted - hex.length()).add(hex);
    if (spec.sharp() && GoQuote.validRune(value) && GoQuote.isPrint((int) value)) {
      out.add(" '").add(character(value)).add('\'');
    }
    return out;
  }
}
