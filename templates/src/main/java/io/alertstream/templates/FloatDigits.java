package io.alertstream.templates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The decimal digits of a non-negative finite double. Every double is an exact binary fraction, so
 * its BigDecimal is its exact decimal value: rounding that (half to even, as Go does) gives Go's
 * digits for any precision. The shortest form is searched for directly, because the JDK's
 * Double.toString does not always give the shortest digits.
 */
final class FloatDigits {

  /**
   * The value 0.{@code digits} × 10^{@code point}: {@code digits} has no trailing zeros and is "0"
   * for zero, whose point is 1.
   */
  record Decimal(String digits, int point) {

    static final Decimal ZERO = new Decimal("0", 1);

    /** The exponent in scientific notation: d.ddd × 10^exponent. */
    int exponent() {
      return point - 1;
    }

    /** The digit at a position counted from the first digit; zero outside the digits. */
    char digitAt(long index) {
      return index >= 0 && index < digits.length() ? digits.charAt((int) index) : '0';
    }
  }

  private FloatDigits() {}

  /** The fewest significant digits that read back as the same double (the nearest such). */
  static Decimal shortest(double abs) {
    if (abs == 0) {
      return Decimal.ZERO;
    }
    BigDecimal exact = new BigDecimal(abs);
    for (int n = 1; n < 17; n++) {
      if (exact.precision() <= n) {
        return of(exact);
      }
      BigDecimal down = exact.round(new MathContext(n, RoundingMode.DOWN));
      BigDecimal up = exact.round(new MathContext(n, RoundingMode.UP));
      boolean downFits = readsBackAs(down, abs);
      boolean upFits = readsBackAs(up, abs);
      if (downFits && upFits) {
        return of(exact.round(new MathContext(n, RoundingMode.HALF_EVEN)));
      }
      if (downFits || upFits) {
        return of(downFits ? down : up);
      }
    }
    // Seventeen significant digits always identify a double.
    return of(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }

  /** Rounded to {@code n} (at least 1) significant digits. */
  static Decimal significant(double abs, int n) {
    BigDecimal exact = new BigDecimal(abs);
    return of(
        exact.precision() <= n ? exact : exact.round(new MathContext(n, RoundingMode.HALF_EVEN)));
  }

  /** Rounded to {@code fraction} digits after the decimal point. */
  static Decimal fixed(double abs, int fraction) {
    BigDecimal exact = new BigDecimal(abs);
    return of(exact.scale() <= fraction ? exact : exact.setScale(fraction, RoundingMode.HALF_EVEN));
  }

  private static boolean readsBackAs(BigDecimal candidate, double value) {
    return Double.parseDouble(candidate.toString()) == value;
  }

  private static Decimal of(BigDecimal value) {
    if (value.signum() == 0) {
      return Decimal.ZERO;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    String digits = stripped.unscaledValue().toString();
    return new Decimal(digits, digits.length() - stripped.scale());
  }
}
