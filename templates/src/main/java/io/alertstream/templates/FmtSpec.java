package io.alertstream.templates;

/**
 * The flags, width and precision of one printf directive, as Go's fmt reads them. For the verb
 * {@code %v}, {@code +} and {@code #} do not mean "sign" and "alternate form" but "field names" and
 * "Go syntax": those meanings are the separate {@code plusV} and {@code sharpV}.
 *
 * @param width minimum width in runes, or -1 for none
 * @param precision precision, or -1 for none
 */
record FmtSpec(
    boolean minus,
    boolean plus,
    boolean sharp,
    boolean space,
    boolean zero,
    boolean plusV,
    boolean sharpV,
    int width,
    int precision) {

  /** What print, println and an action use: no flags at all. */
  static final FmtSpec NONE = new FmtSpec(false, false, false, false, false, false, false, -1, -1);

  boolean hasWidth() {
    return width >= 0;
  }

  boolean hasPrecision() {
    return precision >= 0;
  }

  /** Zero padding applies only when the value is right-aligned. */
  boolean zeroPad() {
    return zero && !minus;
  }

  /** The spec as %v sees it: '+' and '#' turn into their %v meanings. */
  FmtSpec forVerbV() {
    if (!plus && !sharp) {
      return this;
    }
    return new FmtSpec(minus, false, false, space, zero, plus, sharp, width, precision);
  }

  FmtSpec withoutPrecision() {
    return new FmtSpec(minus, plus, sharp, space, zero, plusV, sharpV, width, -1);
  }

  /** Collects a directive's parts while the format is scanned. */
  static final class Builder {
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean space;
    boolean zero;
    int width = -1;
    int precision = -1;

    /** Reads one flag character; false when {@code c} is not a flag. */
    boolean flag(char c) {
      switch (c) {
        case '-' -> minus = true;
        case '+' -> plus = true;
        case '#' -> sharp = true;
        case ' ' -> space = true;
        case '0' -> zero = true;
        default -> {
          return false;
        }
      }
      return true;
    }

    FmtSpec build() {
      return new FmtSpec(minus, plus, sharp, space, zero, false, false, width, precision);
    }
  }
}
