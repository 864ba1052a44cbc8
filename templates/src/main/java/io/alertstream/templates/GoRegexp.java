package io.alertstream.templates;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A regular expression as Go's {@code regexp} package has it: RE2 syntax, matching in time linear
 * in the input (RE2/J), and syntax errors worded as Go words them. Every expression a tenant or a
 * request supplies goes through this class, never through {@code java.util.regex}, whose
 * backtracking lets one pattern hold a thread for minutes.
 */
public final class GoRegexp {

  /** A pattern Go would refuse; the message is Go's ({@code error parsing regexp: …}). */
  public static final class SyntaxException extends Exception {
    SyntaxException(String message) {
      super(message);
    }
  }

  private final Pattern pattern;
  private final LiteralAlternatives literal;

  private GoRegexp(Pattern pattern, LiteralAlternatives literal) {
    this.pattern = pattern;
    this.literal = literal;
  }

  /** {@code regexp.Compile(expr)}: unanchored. */
  public static GoRegexp compile(String expr) throws SyntaxException {
    try {
      return new GoRegexp(Pattern.compile(expr), null);
    } catch (PatternSyntaxException e) {
      throw new SyntaxException(e.getMessage());
    }
  }

  /**
   * Anchored at both ends as Alertmanager anchors label matchers and the API's receiver filter:
   * {@code ^(?:expr)$}, without the {@code s} flag, so {@code .} does not match a newline.
   */
  public static GoRegexp anchored(String expr) throws SyntaxException {
    GoRegexp engine = compile("^(?:" + expr + ")$");
    return new GoRegexp(engine.pattern, LiteralAlternatives.of(expr));
  }

  /**
   * {@code MatchString}: whether the expression matches anywhere in {@code text} (the whole text,
   * for an {@link #anchored} one).
   */
  public boolean matches(CharSequence text) {
    if (literal != null) {
      return literal.matches(text);
    }
    return pattern.matcher(text).find();
  }

  /**
   * {@code ReplaceAllString}: every match replaced by {@code template} with {@code $1}, {@code
   * $name} and {@code ${name}} expanded. As in Go, an empty match right after a match is not
   * replaced, so {@code a*} on {@code baaac} gives {@code -b-c-}.
   *
   * @throws IllegalArgumentException once the result grows past {@code maxChars}
   */
  public String replaceAll(String text, String template, long maxChars) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    int lastEnd = 0;
    int searchFrom = 0;
    while (searchFrom <= text.length() && m.find(searchFrom)) {
      out.append(text, lastEnd, m.start());
      if (m.end() > lastEnd || m.start() == 0) {
        expand(m, template, out);
      }
      lastEnd = m.end();
      if (out.length() > maxChars) {
        throw new IllegalArgumentException(
            "rendering stopped: a value longer than " + maxChars + " characters (render limit)");
      }
      int width =
          searchFrom < text.length() ? Character.charCount(text.codePointAt(searchFrom)) : 1;
      searchFrom = Math.max(searchFrom + width, m.end());
    }
    return out.append(text, lastEnd, text.length()).toString();
  }

  /**
   * Go's {@code Regexp.Expand}: {@code $$} is a dollar; {@code $name} takes the longest run of
   * letters, digits and underscores; {@code ${name}} must close with a brace. A name of digits
   * without a leading zero is a group number. An unknown group gives nothing; a malformed reference
   * leaves the dollar as text.
   */
  private static void expand(Matcher m, String template, StringBuilder out) {
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < template.length() && template.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      boolean brace = i + 1 < template.length() && template.charAt(i + 1) == '{';
      int start = i + (brace ? 2 : 1);
      int end = start;
      while (end < template.length()) {
        int cp = template.codePointAt(end);
        if (!Character.isLetterOrDigit(cp) && cp != '_') {
          break;
        }
        end += Character.charCount(cp);
      }
      boolean closed = !brace || (end < template.length() && template.charAt(end) == '}');
      if (end == start || !closed) {
        out.append('$');
        i++;
        continue;
      }
      out.append(group(m, template.substring(start, end)));
      i = end + (brace ? 1 : 0);
    }
  }

  private static String group(Matcher m, String name) {
    int number = groupNumber(name);
    String value;
    if (number >= 0) {
      value = number <= m.groupCount() ? m.group(number) : null;
    } else {
      try {
        value = m.group(name);
      } catch (IllegalArgumentException unknownName) {
        value = null;
      }
    }
    return value == null ? "" : value;
  }

  /** The group number a name stands for, or -1 where Go reads it as a name. */
  private static int groupNumber(String name) {
    if (name.length() > 1 && name.charAt(0) == '0') {
      return -1;
    }
    int number = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9' || number >= 100_000_000) {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }
}
