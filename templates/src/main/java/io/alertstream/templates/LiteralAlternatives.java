package io.alertstream.templates;

import java.util.ArrayList;
import java.util.List;

/**
 * A fast path for the anchored patterns most matchers are: literal alternatives, each optionally
 * followed by {@code .*} ({@code warning|info}, {@code High.*}, {@code api|api-.*}). They are
 * decided by comparing strings, as Go's regexp decides them by its literal prefix; anything else,
 * down to one metacharacter or flag, goes to the RE2 engine.
 */
final class LiteralAlternatives {

  private record Alternative(String literal, boolean anySuffix) {
    boolean matches(String text) {
      if (!anySuffix) {
        return text.equals(literal);
      }
      // .* does not match a newline without the s flag.
      return text.startsWith(literal) && text.indexOf('\n', literal.length()) < 0;
    }
  }

  private final List<Alternative> alternatives;

  private LiteralAlternatives(List<Alternative> alternatives) {
    this.alternatives = alternatives;
  }

  /** The fast path for an expression, or null where only the engine can decide. */
  static LiteralAlternatives of(String expr) {
    List<Alternative> out = new ArrayList<>();
    for (String part : expr.split("\\|", -1)) {
      boolean anySuffix = part.endsWith(".*");
      String literal = anySuffix ? part.substring(0, part.length() - 2) : part;
      if (!isPlain(literal)) {
        return null;
      }
      out.add(new Alternative(literal, anySuffix));
    }
    return new LiteralAlternatives(List.copyOf(out));
  }

  /** Letters, digits and punctuation that is never special outside a character class. */
  private static boolean isPlain(String literal) {
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "_-:/=,@%!\"'<>;~&# ".indexOf(c) >= 0;
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  boolean matches(CharSequence text) {
    String s = text.toString();
    for (Alternative a : alternatives) {
      if (a.matches(s)) {
        return true;
      }
    }
    return false;
  }
}
