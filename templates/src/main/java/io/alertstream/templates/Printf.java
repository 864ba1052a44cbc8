package io.alertstream.templates;

import java.util.List;

/**
 * Runs one printf format over its operands as Go's fmt.Sprintf does: text is copied, each {@code
 * %[flags][[n]][width|*][.[[n]](precision|*)][[n]]verb} directive prints an operand, and what goes
 * wrong is written into the result in Go's forms: {@code %!verb(MISSING)}, {@code
 * %!verb(BADINDEX)}, {@code %!(BADWIDTH)}, {@code %!(BADPREC)}, {@code %!(NOVERB)} and {@code
 * %!(EXTRA type=value, ...)}.
 */
final class Printf {

  /** The largest width or precision an operand ({@code *}) may give. */
  private static final int MAX_STAR = 1_000_000;

  /** A number in the format stops being read once it is past this and more digits follow. */
  private static final int MAX_BEFORE_DIGIT = 1_000_000;

  /** What {@link #digits} returns for a number Go does not read to its end. */
  private static final int TOO_LARGE = -2;

  private final String format;
  private final List<Object> args;
  private final FmtBuffer out;
  private final ValuePrinter printer;

  private int pos;

  /** The next operand a directive uses. */
  private int argNum;

  /** An explicit index appeared: unused operands are then not reported as EXTRA. */
  private boolean reordered;

  /** This directive's indexes were all valid. */
  private boolean goodArgNum;

  /** The last thing read was an index, which only '*' or the verb may follow. */
  private boolean afterIndex;

  /** A width or precision in the format was too long a number: Go gives up on the rest. */
  private boolean tooLarge;

  private Printf(String format, List<Object> args, long limit) {
    this.format = format;
    this.args = args;
    this.out = new FmtBuffer(limit);
    this.printer = new ValuePrinter(out);
  }

  static String sprintf(String format, List<Object> args, long limit) throws TemplateException {
    Printf p = new Printf(format, args, limit);
    p.run();
    return p.out.toString();
  }

  private void run() throws TemplateException {
    while (pos < format.length()) {
      int percent = format.indexOf('%', pos);
      if (percent < 0) {
        out.append(format.substring(pos));
        break;
      }
      out.append(format.substring(pos, percent));
      pos = percent + 1;
      if (!directive()) {
        break;
      }
    }
    if (!reordered && argNum < args.size()) {
      extra();
    }
  }

  /** Reads and prints one directive; false when the rest of the format is to be dropped. */
  private boolean directive() throws TemplateException {
    FmtSpec.Builder spec = new FmtSpec.Builder();
    goodArgNum = true;
    afterIndex = false;
    while (pos < format.length() && spec.flag(format.charAt(pos))) {
      pos++;
    }
    argIndex();
    if (at('*')) {
      pos++;
      Long width = starOperand();
      if (width == null || width < -MAX_STAR || width > MAX_STAR) {
        out.append("%!(BADWIDTH)");
      } else {
        spec.minus |= width < 0;
        spec.width = (int) Math.abs(width);
      }
      afterIndex = false;
    } else {
      int width = number();
      if (tooLarge) {
        return noVerb();
      }
      if (width >= 0) {
        spec.width = width;
        goodArgNum &= !afterIndex;
      }
    }
    // A '.' that ends the format is not a precision but the verb.
    if (at('.') && pos + 1 < format.length()) {
      pos++;
      goodArgNum &= !afterIndex;
      argIndex();
      if (at('*')) {
        pos++;
        Long precision = starOperand();
        if (precision == null || precision < 0 || precision > MAX_STAR) {
          out.append("%!(BADPREC)");
        } else {
          spec.precision = (int) (long) precision;
        }
        afterIndex = false;
      } else {
        int precision = number();
        if (tooLarge) {
          return noVerb();
        }
        spec.precision = Math.max(precision, 0);
      }
    }
    if (!afterIndex) {
      argIndex();
    }
    if (pos >= format.length()) {
      return noVerb();
    }
    int verb = format.codePointAt(pos);
    pos += Character.charCount(verb);
    if (verb == '%') {
      out.append('%');
    } else if (!goodArgNum) {
      out.append("%!").appendCodePoint(verb).append("(BADINDEX)");
    } else if (argNum >= args.size()) {
      out.append("%!").appendCodePoint(verb).append("(MISSING)");
    } else {
      FmtSpec built = spec.build();
      printer.printArg(args.get(argNum++), verb, verb == 'v' ? built.forVerbV() : built);
    }
    return true;
  }

  private boolean noVerb() throws TemplateException {
    out.append("%!(NOVERB)");
    return false;
  }

  private boolean at(char c) {
    return pos < format.length() && format.charAt(pos) == c;
  }

  /**
   * An explicit operand index {@code [n]}, counted from 1, its text running to the first ']'. A bad
   * one marks the directive BADINDEX. Go reads a bracket with fewer than three characters left, or
   * no ']' after it, as a lone '[' it steps over; and only a number (valid or not) counts as an
   * index that must be followed by '*' or the verb.
   */
  private void argIndex() {
    if (!at('[')) {
      return;
    }
    reordered = true;
    int close = format.indexOf(']', pos + 1);
    if (format.length() - pos < 3 || close < 0) {
      goodArgNum = false;
      pos++;
      return;
    }
    String text = format.substring(pos + 1, close);
    pos = close + 1;
    if (text.isEmpty() || !text.chars().allMatch(Printf::isDigit)) {
      goodArgNum = false;
      return;
    }
    int index = digits(text, 0, text.length());
    if (index == TOO_LARGE) {
      goodArgNum = false;
      return;
    }
    afterIndex = true;
    if (index < 1 || index > args.size()) {
      goodArgNum = false;
    } else {
      argNum = index - 1;
    }
  }

  /** The operand a '*' takes as width or precision; null when it is missing or no integer. */
  private Long starOperand() {
    if (argNum >= args.size()) {
      return null;
    }
    GoShape operand = GoShapes.of(args.get(argNum++));
    return operand instanceof GoShape.Int i && !(i.unsigned() && i.value() < 0) ? i.value() : null;
  }

  /** Digits at the current position; -1 when there are none. */
  private int number() {
    int end = pos;
    while (end < format.length() && isDigit(format.charAt(end))) {
      end++;
    }
    if (end == pos) {
      return -1;
    }
    int value = digits(format, pos, end);
    pos = end;
    tooLarge = value == TOO_LARGE;
    return value;
  }

  /**
   * The decimal number in {@code s[from, to)}, or {@link #TOO_LARGE}: Go stops taking digits once
   * the number is past a million, so 10000009 is still read but 100000000 is not.
   */
  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      if (value > MAX_BEFORE_DIGIT) {
        return TOO_LARGE;
      }
      value = value * 10 + (s.charAt(i) - '0');
    }
    return value;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private void extra() throws TemplateException {
    out.append("%!(EXTRA ");
    for (int i = argNum; i < args.size(); i++) {
      if (i > argNum) {
        out.append(", ");
      }
      Object arg = args.get(i);
      if (arg == null) {
        out.append("<nil>");
      } else {
        out.append(GoShapes.of(arg).type()).append('=');
        printer.printArg(arg, 'v', FmtSpec.NONE);
      }
    }
    out.append(')');
  }
}
