package io.alertstream.templates;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of formatted text held as literal parts and runs of one repeated character. A width or
 * precision of millions only becomes a run, so the length is known, and checked against the render
 * limit, before a single padding character is written.
 */
final class FmtText {

  private record Run(char c, long count) {}

  private final List<Object> parts = new ArrayList<>(4);
  private long chars;
  private long runes;

  static FmtText of(String s) {
    return new FmtText().add(s);
  }

  FmtText add(String s) {
    if (!s.isEmpty()) {
      parts.add(s);
      chars += s.length();
      runes += s.codePointCount(0, s.length());
    }
    return this;
  }

  FmtText add(char c) {
    return add(String.valueOf(c));
  }

  /** {@code count} times {@code c} (an ASCII character). */
  FmtText run(char c, long count) {
    if (count > 0) {
      parts.add(new Run(c, count));
      chars += count;
      runes += count;
    }
    return this;
  }

  FmtText add(FmtText other) {
    parts.addAll(other.parts);
    chars += other.chars;
    runes += other.runes;
    return this;
  }

  /** Length in UTF-16 chars: what the output will grow by. */
  long chars() {
    return chars;
  }

  /** Length in runes: what Go's width counts. */
  long runes() {
    return runes;
  }

  /** Appends the text; the caller has checked that {@link #chars()} fits. */
  void appendTo(StringBuilder out) {
    for (Object part : parts) {
      if (part instanceof Run r) {
        for (long i = 0; i < r.count(); i++) {
          out.append(r.c());
        }
      } else {
        out.append((String) part);
      }
    }
  }
}
