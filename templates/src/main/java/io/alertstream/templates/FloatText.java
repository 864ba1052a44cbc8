package io.alertstream.templates;

import io.alertstream.templates.FloatDigits.Decimal;

/**
 * Go's float64 verbs: %e %E %f %F %g %G, %v (which is %g with the shortest digits), %b and %x %X
 * (see {@link HexFloat}). The result carries the sign and any zero padding; the caller pads with
 * spaces.
 */
final class FloatText {

  /** %g and %v switch to an exponent from this many digits before the point when none is given. */
  private static final int SHORTEST_EXPONENT_LIMIT = 6;

  private FloatText() {}

  static FmtText format(double v, int verb, FmtSpec spec) {
    boolean negative = v < 0 || (v == 0 && 1 / v < 0);
    double abs = Math.abs(v);
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return special(v, spec);
    }
    boolean upper = verb == 'E' || verb == 'G' || verb == 'X';
    FmtText body =
        switch (verb) {
          case 'e', 'E' ->
              exponential(abs, spec.hasPrecision() ? spec.precision() : 6, upper, spec);
          case 'f', 'F' -> fixed(abs, spec.hasPrecision() ? spec.precision() : 6, spec.sharp());
          case 'b' -> FmtText.of(binary(abs));
          case 'x', 'X' -> HexFloat.format(abs, spec.precision(), upper, spec.sharp());
          default -> general(abs, spec.precision(), upper, spec.sharp());
        };
    String sign = negative ? "-" : spec.plus() ? "+" : spec.space() ? " " : "";
    FmtText out = FmtText.of(sign);
    if (spec.zeroPad() && spec.hasWidth()) {
      out.run('0', spec.width() - sign.length() - body.runes());
    }
    return out.add(body);
  }

  /** NaN and the infinities: never zero padded; an infinity always shows its sign. */
  private static FmtText special(double v, FmtSpec spec) {
    if (Double.isNaN(v)) {
      return FmtText.of((spec.plus() ? "+" : spec.space() ? " " : "") + "NaN");
    }
    if (v < 0) {
      return FmtText.of("-Inf");
    }
    return FmtText.of((spec.space() && !spec.plus() ? " " : "+") + "Inf");
  }

  /** %e: one digit, the point, {@code precision} digits, the exponent. */
  private static FmtText exponential(double abs, int precision, boolean upper, FmtSpec spec) {
    Decimal d = FloatDigits.significant(abs, precision + 1);
    return scientific(d, (long) precision + 1, upper, spec.sharp());
  }

  /** %f: all integer digits, the point, {@code precision} digits. */
  private static FmtText fixed(double abs, int precision, boolean sharp) {
    return positional(FloatDigits.fixed(abs, precision), precision, sharp);
  }

  /**
   * %g: {@code precision} significant digits (the shortest exact ones when none is given), written
   * with an exponent when it is below -4 or reaches the precision. Without '#' trailing zeros go;
   * with it they stay, and the shortest form shows at least six digits.
   */
  private static FmtText general(double abs, int precision, boolean upper, boolean sharp) {
    boolean shortest = precision < 0;
    int limit = shortest ? SHORTEST_EXPONENT_LIMIT : Math.max(precision, 1);
    Decimal d = shortest ? FloatDigits.shortest(abs) : FloatDigits.significant(abs, limit);
    long shown = d.digits().length();
    if (sharp) {
      shown = shortest ? Math.max(shown, SHORTEST_EXPONENT_LIMIT) : limit;
    }
    int exponent = d.exponent();
    if (exponent < -4 || exponent >= limit) {
      return scientific(d, shown, upper, sharp);
    }
    return positional(d, Math.max(shown - d.point(), 0), sharp);
  }

  /** d.ddd[e±XX] with {@code significant} digits; zeros past the known digits are a run. */
  private static FmtText scientific(Decimal d, long significant, boolean upper, boolean sharp) {
    FmtText out = FmtText.of(d.digits().substring(0, 1));
    if (significant > 1 || sharp) {
      out.add('.');
    }
    long known = Math.min(d.digits().length(), significant) - 1;
    out.add(d.digits().substring(1, (int) known + 1));
    out.run('0', significant - 1 - known);
    int exponent = d.exponent();
    int magnitude = Math.abs(exponent);
    return out.add(upper ? 'E' : 'e')
        .add(exponent < 0 ? '-' : '+')
        .add((magnitude < 10 ? "0" : "") + magnitude);
  }

  /** ddd[.ddd] with {@code fraction} digits after the point. */
  private static FmtText positional(Decimal d, long fraction, boolean sharp) {
    String digits = d.digits();
    int point = d.point();
    FmtText out = new FmtText();
    if (point <= 0) {
      out.add('0');
    } else {
      out.add(digits.substring(0, Math.min(point, digits.length())));
      out.run('0', point - digits.length());
    }
    if (fraction > 0 || sharp) {
      out.add('.');
    }
    StringBuilder known = new StringBuilder();
    for (long i = 0; i < fraction && point + i < digits.length(); i++) {
      known.append(d.digitAt(point + i));
    }
    return out.add(known.toString()).run('0', fraction - known.length());
  }

  /** %b: the integer mantissa and the power of two, as in 4503599627370496p-52. */
  private static String binary(double abs) {
    long bits = Double.doubleToRawLongBits(abs);
    int biased = (int) (bits >>> 52) & 0x7FF;
    long mantissa = bits & ((1L << 52) - 1);
    int exponent = -1074;
    if (biased != 0) {
      mantissa |= 1L << 52;
      exponent = biased - 1075;
    }
    return mantissa + "p" + (exponent >= 0 ? "+" : "") + exponent;
  }
}
