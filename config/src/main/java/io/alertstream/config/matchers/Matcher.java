package io.alertstream.config.matchers;

import io.alertstream.templates.GoQuote;
import io.alertstream.templates.GoRegexp;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One label matcher. A regex is anchored at both ends and runs on Go's engine ({@link GoRegexp}); a
 * missing label matches as the empty string.
 */
public final class Matcher implements Comparable<Matcher> {

  private static final Pattern CLASSIC_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Comparator<Matcher> ORDER =
      Comparator.comparing(Matcher::name)
          .thenComparing(Matcher::value)
          .thenComparing(Matcher::type);

  private final String name;
  private final MatchType type;
  private final String value;
  private final GoRegexp pattern;

  private Matcher(String name, MatchType type, String value, GoRegexp pattern) {
    this.name = name;
    this.type = type;
    this.value = value;
    this.pattern = pattern;
  }

  /**
   * A matcher; for the regex types, {@code value} must compile.
   *
   * @throws IllegalArgumentException if it does not
   */
  public static Matcher of(String name, MatchType type, String value) {
    try {
      return checked(name, type, value);
    } catch (MatcherSyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Like {@link #of}, but saying what is wrong with a bad regex, in Go's words. */
  public static Matcher checked(String name, MatchType type, String value)
      throws MatcherSyntaxException {
    GoRegexp pattern = null;
    if (type == MatchType.REGEXP || type == MatchType.NOT_REGEXP) {
      try {
        pattern = GoRegexp.anchored(value);
      } catch (GoRegexp.SyntaxException e) {
        throw new MatcherSyntaxException(e.getMessage());
      }
    }
    return new Matcher(name, type, value, pattern);
  }

  public String name() {
    return name;
  }

  public MatchType type() {
    return type;
  }

  public String value() {
    return value;
  }

  public boolean matches(String labelValue) {
    String v = labelValue == null ? "" : labelValue;
    return switch (type) {
      case EQUAL -> v.equals(value);
      case NOT_EQUAL -> !v.equals(value);
      case REGEXP -> pattern.matches(v);
      case NOT_REGEXP -> !pattern.matches(v);
    };
  }

  public boolean matches(Map<String, String> labels) {
    return matches(labels.get(name));
  }

  /** Whether this matcher matches a label that is absent (the empty string). */
  public boolean matchesEmpty() {
    return matches("");
  }

  @Override
  public int compareTo(Matcher other) {
    return ORDER.compare(this, other);
  }

  /** As Alertmanager prints it: {@code name="value"}, the name quoted only when it must be. */
  @Override
  public String toString() {
    String printedName = CLASSIC_NAME.matcher(name).matches() ? name : GoQuote.quote(name);
    return printedName + type.operator() + GoQuote.quote(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matcher m && m.name.equals(name) && m.type == type && m.value.equals(value);
  }

  @Override
  public int hashCode() {
    return (name.hashCode() * 31 + type.hashCode()) * 31 + value.hashCode();
  }
}
