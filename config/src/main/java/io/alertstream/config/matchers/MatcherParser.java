package io.alertstream.config.matchers;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses matcher text as Alertmanager does: {@code {a="1", b=~"x|y"}} or {@code a=1}, braces
 * optional, values quoted or not. Label names may also be double-quoted (the UTF-8 syntax), e.g.
 * {@code "service name"="checkout"}. The text comes from tenants and requests, so it is split with
 * RE2 patterns, in linear time.
 */
public final class MatcherParser {

  private static final Pattern CLASSIC =
      Pattern.compile(
          "^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(=~|=|!=|!~)\\s*(.*?)\\s*$", Pattern.DOTALL);
  private static final Pattern QUOTED_NAME =
      Pattern.compile(
          "^\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(=~|=|!=|!~)\\s*(.*?)\\s*$", Pattern.DOTALL);

  private MatcherParser() {}

  /** One or more comma-separated matchers. */
  public static List<Matcher> parseAll(String text) throws MatcherSyntaxException {
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
      matchers.add(parse(t));
    }
    return matchers;
  }

  public static Matcher parse(String text) throws MatcherSyntaxException {
    com.google.re2j.Matcher m = CLASSIC.matcher(text);
    String name;
    if (m.matches()) {
      name = m.group(1);
    } else {
      m = QUOTED_NAME.matcher(text);
      if (!m.matches()) {
        throw new MatcherSyntaxException("bad matcher format: " + text);
      }
      name = unescape("\"" + m.group(1) + "\"");
    }
    String value = unescape(m.group(3));
    return Matcher.checked(name, MatchType.of(m.group(2)), value);
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
