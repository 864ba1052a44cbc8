package io.alertstream.config.matchers;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses matcher text as Alertmanager 0.27 and later does without feature flags. Text the classic
 * grammar of Alertmanager 0.25 reads ({@code {a="1", b=~x|y}}, braces optional, names {@code
 * [a-zA-Z_:][a-zA-Z0-9_:]*}, values quoted or not) means what it meant there: Alertmanager parses
 * with both grammars and keeps the classic reading where they disagree. Other text is read with the
 * UTF-8 grammar ({@link Utf8MatcherParser}: {@code {"service.name"="checkout"}}); when neither
 * reads it, the classic grammar's error is given, as in Alertmanager. The text comes from tenants
 * and requests, so both grammars run in linear time (RE2 patterns, one-pass lexer).
 */
public final class MatcherParser {

  private static final Pattern CLASSIC =
      Pattern.compile(
          "^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(=~|=|!=|!~)\\s*(.*?)\\s*$", Pattern.DOTALL);

  private MatcherParser() {}

  /** Zero or more comma-separated matchers, braces optional. */
  public static List<Matcher> parseAll(String text) throws MatcherSyntaxException {
    try {
      return classicAll(text);
    } catch (MatcherSyntaxException classicError) {
      try {
        return Utf8MatcherParser.parseAll(text);
      } catch (MatcherSyntaxException utf8Error) {
        throw classicError;
      }
    }
  }

  /** Exactly one matcher, without braces. */
  public static Matcher parse(String text) throws MatcherSyntaxException {
    if (text.startsWith("{") || text.endsWith("}")) {
      throw new MatcherSyntaxException("unexpected open or close brace: " + text);
    }
    try {
      return classic(text);
    } catch (MatcherSyntaxException classicError) {
      try {
        return single(Utf8MatcherParser.parseAll(text));
      } catch (MatcherSyntaxException utf8Error) {
        throw classicError;
      }
    }
  }

  private static Matcher single(List<Matcher> matchers) throws MatcherSyntaxException {
    if (matchers.size() != 1) {
      throw new MatcherSyntaxException(
          matchers.isEmpty() ? "no matchers" : "expected 1 matcher, found " + matchers.size());
    }
    return matchers.get(0);
  }

  /** Alertmanager 0.25's grammar. */
  static List<Matcher> classicAll(String text) throws MatcherSyntaxException {
    String s = text.strip();
    if (s.startsWith("{")) {
      s = s.substring(1);
    }
    if (s.endsWith("}")) {
      s = s.substring(0, s.length() - 1);
    }
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    boolean quoted = false;
    boolean escaped = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' && !quoted) {
        tokens.add(token.toString());
        token.setLength(0);
        continue;
      }
      if (c == '"') {
        if (escaped) {
          escaped = false;
        } else {
          quoted = !quoted;
        }
      } else if (c == '\\') {
        escaped = !escaped;
      } else {
        escaped = false;
      }
      token.append(c);
    }
    if (!token.toString().isBlank()) {
      tokens.add(token.toString());
    }
    List<Matcher> matchers = new ArrayList<>();
    for (String t : tokens) {
      matchers.add(classic(t));
    }
    return matchers;
  }

  static Matcher classic(String text) throws MatcherSyntaxException {
    com.google.re2j.Matcher m = CLASSIC.matcher(text);
    if (!m.matches()) {
      throw new MatcherSyntaxException("bad matcher format: " + text);
    }
    return Matcher.checked(m.group(1), MatchType.of(m.group(2)), unescape(m.group(3)));
  }

  /**
   * A value as written: an opening double quote must be closed by the last character; inside,
   * {@code \n}, {@code \"} and {@code \\} are escapes and any other backslash is literal.
   */
  private static String unescape(String written) throws MatcherSyntaxException {
    boolean quoted = written.startsWith("\"");
    String raw = quoted ? written.substring(1) : written;
    StringBuilder out = new StringBuilder(raw.length());
    boolean closed = !quoted;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i < raw.length() - 1) {
        char next = raw.charAt(++i);
        switch (next) {
          case 'n' -> out.append('\n');
          case '"', '\\' -> out.append(next);
          default -> out.append('\\').append(next);
        }
      } else if (c == '"') {
        if (closed || i < raw.length() - 1) {
          throw new MatcherSyntaxException(
              "matcher value contains unescaped double quote: " + written);
        }
        closed = true;
      } else {
        out.append(c);
      }
    }
    if (!closed) {
      throw new MatcherSyntaxException("matcher value contains unescaped double quote: " + written);
    }
    return out.toString();
  }
}
