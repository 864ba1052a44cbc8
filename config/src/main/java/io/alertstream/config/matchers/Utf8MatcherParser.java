package io.alertstream.config.matchers;

import java.util.ArrayList;
import java.util.List;

/**
 * The matcher grammar of Alertmanager 0.27 and later: {@code {name="value", "any name"=~"re"}},
 * braces optional, names and values either double-quoted (Go string syntax, any UTF-8) or unquoted
 * runs of characters other than whitespace and {@code {}!=~,\"'`}. Errors give the column range and
 * what was expected, as Alertmanager's do. One pass over the input, so linear in its length.
 */
final class Utf8MatcherParser {

  private static final String RESERVED = "{}!=~,\\\"'`";

  private final String input;
  private int pos;

  private Utf8MatcherParser(String input) {
    this.input = input;
  }

  /** Zero or more matchers. */
  static List<Matcher> parseAll(String input) throws MatcherSyntaxException {
    return new Utf8MatcherParser(input).matchers();
  }

  private enum Kind {
    OPEN,
    CLOSE,
    COMMA,
    OPERATOR,
    QUOTED,
    UNQUOTED,
    END
  }

  /** One token; {@code column} and {@code endColumn} count code points, as Alertmanager's do. */
  private record Token(Kind kind, String text, int column, int endColumn) {}

  private List<Matcher> matchers() throws MatcherSyntaxException {
    List<Matcher> out = new ArrayList<>();
    Token first = next();
    boolean braces = first.kind() == Kind.OPEN;
    Token t = braces ? next() : first;
    if (t.kind() == Kind.END) {
      if (braces) {
        throw new MatcherSyntaxException(
            "0:" + t.endColumn() + ": end of input: expected close brace");
      }
      return out;
    }
    if (t.kind() == Kind.CLOSE) {
      return close(braces, t, out);
    }
    while (true) {
      out.add(matcher(t));
      Token after = next();
      if (after.kind() == Kind.END) {
        return end(braces, after, out);
      }
      if (after.kind() == Kind.CLOSE) {
        return close(braces, after, out);
      }
      if (after.kind() != Kind.COMMA) {
        throw unexpected(after, "expected a comma or close brace");
      }
      t = next();
      if (t.kind() == Kind.END) {
        return end(braces, t, out);
      }
      if (t.kind() == Kind.CLOSE) {
        return close(braces, t, out);
      }
      if (t.kind() != Kind.QUOTED && t.kind() != Kind.UNQUOTED) {
        throw unexpected(t, "expected a matcher or close brace after comma");
      }
    }
  }

  private Matcher matcher(Token nameToken) throws MatcherSyntaxException {
    if (nameToken.kind() != Kind.QUOTED && nameToken.kind() != Kind.UNQUOTED) {
      throw unexpected(nameToken, "expected label name");
    }
    String name = value(nameToken);
    Token op = next();
    if (op.kind() == Kind.END) {
      throw new MatcherSyntaxException(
          "end of input: expected an operator such as '=', '!=', '=~' or '!~'");
    }
    if (op.kind() != Kind.OPERATOR) {
      throw unexpected(op, "expected an operator such as '=', '!=', '=~' or '!~'");
    }
    Token valueToken = next();
    if (valueToken.kind() == Kind.END) {
      throw new MatcherSyntaxException("end of input: expected label value");
    }
    if (valueToken.kind() != Kind.QUOTED && valueToken.kind() != Kind.UNQUOTED) {
      throw unexpected(valueToken, "expected label value");
    }
    String value = value(valueToken);
    try {
      return Matcher.checked(name, MatchType.of(op.text()), value);
    } catch (MatcherSyntaxException e) {
      throw new MatcherSyntaxException("failed to create matcher: " + e.getMessage());
    }
  }

  private List<Matcher> close(boolean braces, Token close, List<Matcher> out)
      throws MatcherSyntaxException {
    if (!braces) {
      throw new MatcherSyntaxException("0:" + close.endColumn() + ": }: expected opening brace");
    }
    Token end = next();
    if (end.kind() != Kind.END) {
      throw new MatcherSyntaxException(
          end.column() + ":" + end.endColumn() + ": " + end.text() + ": expected end of input");
    }
    return out;
  }

  private List<Matcher> end(boolean braces, Token end, List<Matcher> out)
      throws MatcherSyntaxException {
    if (braces) {
      throw new MatcherSyntaxException(
          "0:" + end.endColumn() + ": end of input: expected close brace");
    }
    return out;
  }

  private static MatcherSyntaxException unexpected(Token t, String expected) {
    return new MatcherSyntaxException(
        t.column() + ":" + t.endColumn() + ": unexpected " + t.text() + ": " + expected);
  }

  private static String value(Token t) throws MatcherSyntaxException {
    if (t.kind() == Kind.UNQUOTED) {
      return t.text();
    }
    try {
      return GoStringLiteral.unquote(t.text());
    } catch (IllegalArgumentException e) {
      throw new MatcherSyntaxException(
          t.column() + ":" + t.endColumn() + ": " + t.text() + ": invalid input");
    }
  }

  // --- lexer ---------------------------------------------------------------------------------

  private int column;

  private Token next() throws MatcherSyntaxException {
    while (pos < input.length()) {
      int c = input.codePointAt(pos);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        advance(c);
        continue;
      }
      int start = pos;
      int startColumn = column;
      switch (c) {
        case '{' -> {
          advance(c);
          return new Token(Kind.OPEN, "{", startColumn, column);
        }
        case '}' -> {
          advance(c);
          return new Token(Kind.CLOSE, "}", startColumn, column);
        }
        case ',' -> {
          advance(c);
          return new Token(Kind.COMMA, ",", startColumn, column);
        }
        case '=', '!' -> {
          return operator(startColumn);
        }
        case '"' -> {
          return quoted(start, startColumn);
        }
        default -> {
          if (RESERVED.indexOf(c) >= 0) {
            advance(c);
            throw new MatcherSyntaxException(
                startColumn
                    + ":"
                    + column
                    + ": "
                    + input.substring(start, pos)
                    + ": invalid input");
          }
          while (pos < input.length()) {
            int d = input.codePointAt(pos);
            if (RESERVED.indexOf(d) >= 0 || Character.isWhitespace(d) || Character.isSpaceChar(d)) {
              break;
            }
            advance(d);
          }
          return new Token(Kind.UNQUOTED, input.substring(start, pos), startColumn, column);
        }
      }
    }
    return new Token(Kind.END, "", column, column);
  }

  private Token operator(int startColumn) throws MatcherSyntaxException {
    int start = pos;
    char first = input.charAt(pos);
    advance(first);
    boolean tilde = pos < input.length() && input.charAt(pos) == '~';
    boolean equals = pos < input.length() && input.charAt(pos) == '=';
    if (first == '!') {
      if (!tilde && !equals) {
        throw new MatcherSyntaxException(
            startColumn
                + ":"
                + column
                + ": "
                + input.substring(start, pos)
                + ": expected one of '=~'");
      }
      advance(input.charAt(pos));
    } else if (tilde) {
      advance('~');
    }
    return new Token(Kind.OPERATOR, input.substring(start, pos), startColumn, column);
  }

  private Token quoted(int start, int startColumn) throws MatcherSyntaxException {
    advance('"');
    boolean escaped = false;
    while (pos < input.length()) {
      int c = input.codePointAt(pos);
      advance(c);
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        return new Token(Kind.QUOTED, input.substring(start, pos), startColumn, column);
      }
    }
    throw new MatcherSyntaxException(
        startColumn + ":" + column + ": " + input.substring(start) + ": missing end \"");
  }

  private void advance(int codePoint) {
    pos += Character.charCount(codePoint);
    column++;
  }
}
