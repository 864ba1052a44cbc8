package io.alertstream.templates;

import java.util.Locale;

/**
 * Go's %x and %X of a float64: a normalized hexadecimal mantissa and a power of two, as in
 * 0x1.8p+01. Subnormal numbers are normalized too; zero is 0x0p+00.
 */
final class HexFloat {

  private static final int FRACTION_BITS = 52;
  private static final int FRACTION_DIGITS = FRACTION_BITS / 4;

  private HexFloat() {}

  /**
   * The text for a non-negative finite value, without sign.
   *
   * @param precision hexadecimal digits after the point, rounded half to even; -1 for as many as
   *     the value needs
   * @param sharp '#': always a point, and (lower case, no precision) at least four more zeros'
   *     worth of digits, as Go pads 0x1p+00 to 0x1.0000p+00
   */
  static FmtText format(double abs, int precision, boolean upper, boolean sharp) {
    long bits = Double.doubleToRawLongBits(abs);
    int biased = (int) (bits >>> FRACTION_BITS) & 0x7FF;
    long fraction = bits & ((1L << FRACTION_BITS) - 1);
    int exponent = 0;
    long lead = 1;
    if (abs == 0) {
      lead = 0;
    } else if (biased == 0) {
      // Subnormal: shift the first set bit up into the lead position.
      exponent = -1022;
      while ((fraction & (1L << FRACTION_BITS)) == 0) {
        fraction <<= 1;
        exponent--;
      }
      fraction &= (1L << FRACTION_BITS) - 1;
    } else {
      exponent = biased - 1023;
    }
    String digits;
    long zeros = 0;
    if (precision >= 0 && precision < FRACTION_DIGITS) {
      int dropped = FRACTION_BITS - 4 * precision;
      long whole = (lead << FRACTION_BITS | fraction) >>> dropped;
      long rest = fraction & ((1L << dropped) - 1);
      long half = 1L << (dropped - 1);
      if (rest > half || (rest == half && (whole & 1) == 1)) {
        whole++;
      }
      if (whole >> (4 * precision) >= 2) {
        // Rounded up to 2.0: renormalize.
        whole >>= 1;
        exponent++;
      }
      lead = whole >> (4 * precision);
      digits = hex(whole & ((1L << (4 * precision)) - 1), precision);
    } else {
      digits = hex(fraction, FRACTION_DIGITS);
      if (precision < 0) {
        digits = digits.replaceAll("0+$", "");
      } else {
        zeros = precision - FRACTION_DIGITS;
      }
    }
    if (sharp && precision < 0 && !upper) {
      zeros = Math.max(0, 4 - digits.length());
    }
    FmtText out = FmtText.of((upper ? "0X" : "0x") + lead);
    if (!digits.isEmpty() || zeros > 0 || sharp) {
      out.add('.');
    }
    out.add(upper ? digits.toUpperCase(Locale.ROOT) : digits).run('0', zeros);
    int magnitude = Math.abs(exponent);
    return out.add(
        (upper ? "P" : "p") + (exponent < 0 ? '-' : '+') + (magnitude < 10 ? "0" : "") + magnitude);
  }

  private static String hex(long value, int digits) {
    StringBuilder s = new StringBuilder(Long.toHexString(value));
    while (s.length() < digits) {
      s.insert(0, '0');
    }
    return digits == 0 ? "" : s.toString();
  }
}
