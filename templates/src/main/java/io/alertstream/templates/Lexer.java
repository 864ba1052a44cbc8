package io.alertstream.templates;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits template text into tokens as Go's text/template does: text between actions, and inside
 * {@code {{ }}} identifiers, fields, variables, strings, numbers and punctuation. Trim markers
 * ({@code {{- } and {@code -}}}) remove the white space next to them; comments vanish.
 */
final class Lexer {

  enum Kind {
    TEXT,
    LEFT,
    RIGHT,
    IDENT,
    FIELD,
    VARIABLE,
    STRING,
    NUMBER,
    CHAR,
    PIPE,
    LPAREN,
    RPAREN,
    DECLARE,
    ASSIGN,
    COMMA,
    DOT,
    SPACE,
    EOF
  }

  record Token(Kind kind, String text, int line, int col) {
    @Override
    public String toString() {
      return kind == Kind.EOF ? "EOF" : text;
    }
  }

  private final String name;
  private final String input;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private Lexer(String name, String input) {
    this.name = name;
    this.input = input;
  }

  static List<Token> lex(String name, String input) throws TemplateException {
    Lexer lexer = new Lexer(name, input);
    lexer.run();
    return lexer.tokens;
  }

  private void run() throws TemplateException {
    while (pos < input.length()) {
      int open = input.indexOf("{{", pos);
      if (open < 0) {
        emitText(input.substring(pos), pos);
        pos = input.length();
        break;
      }
      boolean trimLeft = isTrimMarker(open + 2);
      String text = input.substring(pos, open);
      if (trimLeft) {
        text = text.stripTrailing();
      }
      emitText(text, pos);
      pos = open + 2 + (trimLeft ? 2 : 0);
      if (input.startsWith("/*", skipSpaces(pos))) {
        comment(open);
        continue;
      }
      tokens.add(token(Kind.LEFT, "{{", open));
      action(open);
    }
    tokens.add(token(Kind.EOF, "", input.length()));
  }

  /** {@code -} then a space at {@code at}: a trim marker after a left delimiter. */
  private boolean isTrimMarker(int at) {
    return at + 1 < input.length()
        && input.charAt(at) == '-'
        && Character.isWhitespace(input.charAt(at + 1));
  }

  private int skipSpaces(int at) {
    while (at < input.length() && Character.isWhitespace(input.charAt(at))) {
      at++;
    }
    return at;
  }

  private void comment(int open) throws TemplateException {
    int start = skipSpaces(pos);
    int end = input.indexOf("*/", start + 2);
    if (end < 0) {
      throw error(open, "unclosed comment");
    }
    int after = skipSpaces(end + 2);
    boolean trimRight = input.startsWith("-}}", after) && after > end + 2;
    if (!trimRight && !input.startsWith("}}", end + 2)) {
      throw error(open, "comment ends before closing delimiter");
    }
    pos = trimRight ? skipSpaces(after + 3) : end + 4;
  }

  private void emitText(String text, int at) {
    if (!text.isEmpty()) {
      tokens.add(token(Kind.TEXT, text, at));
    }
  }

  private void action(int open) throws TemplateException {
    while (true) {
      if (pos >= input.length() || input.startsWith("{{", pos)) {
        Token end = token(Kind.EOF, "", Math.min(pos, input.length()));
        Token start = token(Kind.EOF, "", open);
        throw new TemplateException(
            "template: "
                + name
                + ":"
                + end.line()
                + ": unclosed action started at "
                + name
                + ":"
                + start.line());
      }
      char c = input.charAt(pos);
      if (Character.isWhitespace(c)) {
        int start = pos;
        pos = skipSpaces(pos);
        if (input.startsWith("-}}", pos)) {
          tokens.add(token(Kind.RIGHT, "}}", pos));
          pos = skipSpaces(pos + 3);
          return;
        }
        tokens.add(token(Kind.SPACE, " ", start));
        continue;
      }
      if (input.startsWith("}}", pos)) {
        tokens.add(token(Kind.RIGHT, "}}", pos));
        pos += 2;
        return;
      }
      int start = pos;
      switch (c) {
        case '|' -> single(Kind.PIPE);
        case '(' -> single(Kind.LPAREN);
        case ')' -> single(Kind.RPAREN);
        case ',' -> single(Kind.COMMA);
        case '=' -> single(Kind.ASSIGN);
        case ':' -> {
          if (!input.startsWith(":=", pos)) {
            throw error(pos, "expected :=");
          }
          pos += 2;
          tokens.add(token(Kind.DECLARE, ":=", start));
        }
        case '"' -> quoted(start);
        case '`' -> raw(start);
        case '\'' -> character(start);
        case '$' -> {
          pos++;
          while (pos < input.length() && isWordChar(input.charAt(pos))) {
            pos++;
          }
          tokens.add(token(Kind.VARIABLE, input.substring(start, pos), start));
        }
        case '.' -> {
          if (pos + 1 < input.length() && Character.isDigit(input.charAt(pos + 1))) {
            number(start);
          } else {
            pos++;
            while (pos < input.length() && isWordChar(input.charAt(pos))) {
              pos++;
            }
            String text = input.substring(start, pos);
            tokens.add(token(text.equals(".") ? Kind.DOT : Kind.FIELD, text, start));
          }
        }
        default -> {
          if (Character.isDigit(c)
              || ((c == '-' || c == '+')
                  && pos + 1 < input.length()
                  && Character.isDigit(input.charAt(pos + 1)))) {
            number(start);
          } else if (isWordChar(c)) {
            while (pos < input.length() && isWordChar(input.charAt(pos))) {
              pos++;
            }
            tokens.add(token(Kind.IDENT, input.substring(start, pos), start));
          } else {
            throw error(pos, "unexpected \"" + c + "\" in command");
          }
        }
      }
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private void single(Kind kind) {
    tokens.add(token(kind, String.valueOf(input.charAt(pos)), pos));
    pos++;
  }

  private void quoted(int start) throws TemplateException {
    pos++;
    while (pos < input.length() && input.charAt(pos) != '"') {
      if (input.charAt(pos) == '\\') {
        pos++;
      }
      if (pos < input.length() && input.charAt(pos) == '\n') {
        throw error(start, "unterminated quoted string");
      }
      pos++;
    }
    if (pos >= input.length()) {
      throw error(start, "unterminated quoted string");
    }
    pos++;
    tokens.add(token(Kind.STRING, unquote(input.substring(start + 1, pos - 1), start), start));
  }

  private void raw(int start) throws TemplateException {
    int end = input.indexOf('`', pos + 1);
    if (end < 0) {
      throw error(start, "unterminated raw quoted string");
    }
    pos = end + 1;
    tokens.add(token(Kind.STRING, input.substring(start + 1, end), start));
  }

  private void character(int start) throws TemplateException {
    int end = input.indexOf('\'', pos + 1);
    if (end < 0) {
      throw error(start, "unterminated character constant");
    }
    String inner = unquote(input.substring(pos + 1, end), start);
    pos = end + 1;
    tokens.add(token(Kind.CHAR, Integer.toString(inner.codePointAt(0)), start));
  }

  private void number(int start) {
    pos++;
    while (pos < input.length()) {
      char c = input.charAt(pos);
      if (Character.isLetterOrDigit(c)
          || c == '.'
          || c == '_'
          || ((c == '+' || c == '-') && "eEpP".indexOf(input.charAt(pos - 1)) >= 0)) {
        pos++;
      } else {
        break;
      }
    }
    tokens.add(token(Kind.NUMBER, input.substring(start, pos), start));
  }

  private String unquote(String body, int at) throws TemplateException {
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= body.length()) {
        throw error(at, "bad escape in string");
      }
      char e = body.charAt(i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case '\\', '"', '\'' -> out.append(e);
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\u000b');
        case 'x', 'u', 'U' -> {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + digits > body.length() - 1) {
            throw error(at, "bad escape in string");
          }
          out.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 1 + digits), 16));
          i += digits;
        }
        default -> throw error(at, "unknown escape sequence \\" + e);
      }
    }
    return out.toString();
  }

  private Token token(Kind kind, String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < input.length(); i++) {
      if (input.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Token(kind, text, line, offset - lineStart);
  }

  private TemplateException error(int offset, String what) {
    Token at = token(Kind.EOF, "", offset);
    return TemplateException.at(name, at.line(), at.col(), what);
  }
}
