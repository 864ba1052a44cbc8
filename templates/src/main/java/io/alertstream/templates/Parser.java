package io.alertstream.templates;

import io.alertstream.templates.Lexer.Kind;
import io.alertstream.templates.Lexer.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses one template source into its main body and the templates it {@code define}s (or {@code
 * block}s), checking what Go's parser checks: balanced {@code end}s, known functions, declared
 * variables.
 */
final class Parser {

  private static final Set<String> KEYWORDS =
      Set.of(
          "if",
          "else",
          "end",
          "range",
          "with",
          "define",
          "template",
          "block",
          "break",
          "continue",
          "nil",
          "true",
          "false");

  private final String name;
  private final List<Token> tokens;
  private final Set<String> functions;
  private final Map<String, List<Node>> defined;
  private final List<List<String>> scopes = new ArrayList<>();
  private int rangeDepth;
  private int at;

  private Parser(
      String name, List<Token> tokens, Set<String> functions, Map<String, List<Node>> defined) {
    this.name = name;
    this.tokens = tokens;
    this.functions = functions;
    this.defined = defined;
  }

  /**
   * Parses {@code text}; adds its {@code define}d templates to {@code defined}; returns its body.
   */
  static List<Node> parse(
      String name, String text, Set<String> functions, Map<String, List<Node>> defined)
      throws TemplateException {
    Parser parser = new Parser(name, Lexer.lex(name, text), functions, defined);
    parser.scopes.add(new ArrayList<>(List.of("$")));
    List<Node> body = new ArrayList<>();
    String end = parser.list(body, Set.of());
    if (end != null) {
      throw parser.error(parser.previous(), "unexpected {{" + end + "}}");
    }
    return body;
  }

  /**
   * Parses nodes into {@code out} until EOF or an action whose keyword is in {@code stops}; returns
   * that keyword (having consumed the action up to the keyword), or null at EOF.
   */
  private String list(List<Node> out, Set<String> stops) throws TemplateException {
    while (true) {
      Token t = next();
      switch (t.kind()) {
        case EOF -> {
          return null;
        }
        case TEXT -> out.add(new Node.Text(t.text()));
        case LEFT -> {
          skipSpace();
          Token word = peek();
          if (word.kind() == Kind.IDENT
              && KEYWORDS.contains(word.text())
              && !Set.of("nil", "true", "false").contains(word.text())) {
            next();
            String keyword = word.text();
            if (stops.contains(keyword)) {
              return keyword;
            }
            Node node = control(keyword, word);
            if (node != null) {
              out.add(node);
            }
          } else {
            Node.Pipe pipe = pipeline("command");
            out.add(new Node.Action(pipe.pos(), pipe));
          }
        }
        default -> throw error(t, "unexpected " + t);
      }
    }
  }

  private Node control(String keyword, Token word) throws TemplateException {
    Node.Pos pos = pos(word);
    switch (keyword) {
      case "if" -> {
        return branch(keyword, pos, false);
      }
      case "with" -> {
        return branch(keyword, pos, false);
      }
      case "range" -> {
        return branch(keyword, pos, true);
      }
      case "template" -> {
        skipSpace();
        Token nameToken = expect(Kind.STRING, "template name");
        skipSpace();
        Node.Pipe pipe = null;
        if (peek().kind() != Kind.RIGHT) {
          pipe = pipeline("template clause");
        } else {
          next();
        }
        return new Node.Call(pos, nameToken.text(), pipe);
      }
      case "define" -> {
        skipSpace();
        Token nameToken = expect(Kind.STRING, "define clause");
        skipSpace();
        expect(Kind.RIGHT, "define clause");
        List<Node> body = new ArrayList<>();
        scopes.add(new ArrayList<>(List.of("$")));
        String end = list(body, Set.of("end", "else"));
        scopes.remove(scopes.size() - 1);
        if (!"end".equals(end)) {
          throw error(peek(), "unexpected EOF");
        }
        closeKeyword("end");
        defined.put(nameToken.text(), body);
        return null;
      }
      case "block" -> {
        skipSpace();
        Token nameToken = expect(Kind.STRING, "block clause");
        skipSpace();
        Node.Pipe pipe = pipeline("block clause");
        List<Node> body = new ArrayList<>();
        scopes.add(new ArrayList<>(List.of("$")));
        String end = list(body, Set.of("end"));
        scopes.remove(scopes.size() - 1);
        if (end == null) {
          throw error(peek(), "unexpected EOF");
        }
        closeKeyword("end");
        defined.put(nameToken.text(), body);
        return new Node.Call(pos, nameToken.text(), pipe);
      }
      case "break", "continue" -> {
        if (rangeDepth == 0) {
          throw error(word, "{{" + keyword + "}} outside {{range}}");
        }
        skipSpace();
        expect(Kind.RIGHT, keyword + " clause");
        return keyword.equals("break") ? new Node.Break(pos) : new Node.Continue(pos);
      }
      default -> throw error(word, "unexpected {{" + keyword + "}}");
    }
  }

  /** if / with / range: pipeline, body, optional else (or else if / else with), end. */
  private Node branch(String keyword, Node.Pos pos, boolean isRange) throws TemplateException {
    scopes.add(new ArrayList<>());
    Node.Pipe pipe = pipeline(keyword);
    if (isRange) {
      rangeDepth++;
    }
    List<Node> body = new ArrayList<>();
    String end = list(body, Set.of("end", "else"));
    if (isRange) {
      rangeDepth--;
    }
    scopes.remove(scopes.size() - 1);
    List<Node> otherwise = new ArrayList<>();
    if (end == null) {
      throw error(peek(), "unexpected EOF");
    }
    if (end.equals("else")) {
      skipSpace();
      Token next = peek();
      if (!isRange && next.kind() == Kind.IDENT && next.text().equals(keyword)) {
        // {{else if ...}} / {{else with ...}}: a nested branch sharing this one's {{end}}.
        next();
        otherwise.add(branch(keyword, pos(next), false));
        return build(keyword, pos, pipe, body, otherwise);
      }
      expect(Kind.RIGHT, "else clause");
      scopes.add(new ArrayList<>());
      end = list(otherwise, Set.of("end", "else"));
      scopes.remove(scopes.size() - 1);
      if (!"end".equals(end)) {
        throw error(peek(), end == null ? "unexpected EOF" : "expected end; found {{else}}");
      }
    }
    closeKeyword("end");
    return build(keyword, pos, pipe, body, otherwise);
  }

  private static Node build(
      String keyword, Node.Pos pos, Node.Pipe pipe, List<Node> body, List<Node> otherwise) {
    return switch (keyword) {
      case "if" -> new Node.If(pos, pipe, body, otherwise);
      case "with" -> new Node.With(pos, pipe, body, otherwise);
      default -> new Node.Range(pos, pipe, body, otherwise);
    };
  }

  private void closeKeyword(String keyword) throws TemplateException {
    skipSpace();
    expect(Kind.RIGHT, keyword);
  }

  /** A pipeline up to and including the closing delimiter (or a right paren when nested). */
  private Node.Pipe pipeline(String context) throws TemplateException {
    skipSpace();
    Node.Pos pos = pos(peek());
    List<String> variables = new ArrayList<>();
    boolean reassign = false;
    int mark = at;
    if (peek().kind() == Kind.VARIABLE) {
      List<String> names = new ArrayList<>();
      names.add(next().text());
      skipSpace();
      if (peek().kind() == Kind.COMMA && context.equals("range")) {
        next();
        skipSpace();
        names.add(expect(Kind.VARIABLE, "range").text());
        skipSpace();
      }
      Token op = peek();
      if (op.kind() == Kind.DECLARE || op.kind() == Kind.ASSIGN) {
        next();
        reassign = op.kind() == Kind.ASSIGN;
        variables = names;
        if (reassign) {
          for (String v : names) {
            requireDeclared(v, op);
          }
        }
      } else {
        at = mark;
      }
    }
    List<Node.Command> commands = new ArrayList<>();
    while (true) {
      skipSpace();
      Token t = peek();
      if (t.kind() == Kind.RIGHT || t.kind() == Kind.RPAREN) {
        if (context.equals("paren") != (t.kind() == Kind.RPAREN)) {
          throw error(t, "unexpected " + (t.kind() == Kind.RPAREN ? "right paren" : "}}"));
        }
        next();
        break;
      }
      if (t.kind() == Kind.EOF) {
        throw error(t, "unclosed action");
      }
      commands.add(command());
      skipSpace();
      if (peek().kind() == Kind.PIPE) {
        next();
        skipSpace();
        if (peek().kind() == Kind.RIGHT || peek().kind() == Kind.RPAREN) {
          throw error(peek(), "missing command");
        }
      }
    }
    if (commands.isEmpty()) {
      throw error(previous(), "missing value for " + context);
    }
    if (!reassign) {
      scopes.get(scopes.size() - 1).addAll(variables);
    }
    return new Node.Pipe(pos, variables, reassign, commands);
  }

  private Node.Command command() throws TemplateException {
    Node.Pos pos = pos(peek());
    List<Node.Arg> args = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.kind() == Kind.RIGHT
          || t.kind() == Kind.RPAREN
          || t.kind() == Kind.PIPE
          || t.kind() == Kind.EOF) {
        break;
      }
      if (t.kind() == Kind.SPACE) {
        next();
        continue;
      }
      args.add(operand());
    }
    if (!args.isEmpty() && args.get(0) instanceof Node.Literal l && l.value() == null) {
      throw new TemplateException(
          "template: " + name + ":" + pos.line() + ": nil is not a command");
    }
    return new Node.Command(pos, args);
  }

  private Node.Arg operand() throws TemplateException {
    Token t = next();
    Node.Arg arg =
        switch (t.kind()) {
          case FIELD -> {
            List<String> names = new ArrayList<>(fieldNames(t.text()));
            while (peek().kind() == Kind.FIELD) {
              names.addAll(fieldNames(next().text()));
            }
            yield new Node.Field(names);
          }
          case DOT -> new Node.Dot();
          case VARIABLE -> {
            requireDeclared(t.text(), t);
            yield new Node.Variable(t.text(), List.of());
          }
          case STRING -> new Node.Literal(t.text());
          case CHAR -> new Node.Literal(Long.parseLong(t.text()));
          case NUMBER -> new Node.Literal(number(t));
          case LPAREN -> new Node.Chain(pipeline("paren"), List.of());
          case IDENT ->
              switch (t.text()) {
                case "true" -> new Node.Literal(Boolean.TRUE);
                case "false" -> new Node.Literal(Boolean.FALSE);
                case "nil" -> new Node.Literal(null);
                default -> {
                  if (!functions.contains(t.text())) {
                    throw error(t, "function \"" + t.text() + "\" not defined");
                  }
                  yield new Node.Identifier(t.text());
                }
              };
          default -> throw error(t, "unexpected " + t + " in operand");
        };
    // Field access after a variable or a parenthesised pipeline: $x.A, (...).B
    if (peek().kind() == Kind.FIELD
        && (arg instanceof Node.Variable || arg instanceof Node.Chain)) {
      List<String> fields = new ArrayList<>();
      while (peek().kind() == Kind.FIELD) {
        fields.addAll(fieldNames(next().text()));
      }
      if (arg instanceof Node.Variable v) {
        arg = new Node.Variable(v.name(), fields);
      } else {
        arg = new Node.Chain(((Node.Chain) arg).pipe(), fields);
      }
    }
    return arg;
  }

  private static List<String> fieldNames(String text) {
    return Arrays.asList(text.substring(1).split("\\."));
  }

  private Object number(Token t) throws TemplateException {
    String text = t.text().replace("_", "");
    try {
      if (text.startsWith("0x") || text.startsWith("0X")) {
        return Long.parseLong(text.substring(2), 16);
      }
      if (text.matches("[+-]?\\d+")) {
        return Long.parseLong(text);
      }
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw error(t, "bad number syntax: \"" + t.text() + "\"");
    }
  }

  private void requireDeclared(String variable, Token t) throws TemplateException {
    for (List<String> scope : scopes) {
      if (scope.contains(variable)) {
        return;
      }
    }
    throw error(t, "undefined variable \"" + variable + "\"");
  }

  private void skipSpace() {
    while (peek().kind() == Kind.SPACE) {
      at++;
    }
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    Token t = tokens.get(at);
    if (t.kind() != Kind.EOF) {
      at++;
    }
    return t;
  }

  private Token previous() {
    return tokens.get(Math.max(0, at - 1));
  }

  private Token expect(Kind kind, String context) throws TemplateException {
    Token t = next();
    if (t.kind() != kind) {
      throw error(
          t, t.kind() == Kind.EOF ? "unexpected EOF" : "unexpected " + t + " in " + context);
    }
    return t;
  }

  private Node.Pos pos(Token t) {
    return new Node.Pos(t.line(), t.col(), name);
  }

  private TemplateException error(Token t, String what) {
    return new TemplateException("template: " + name + ":" + t.line() + ": " + what);
  }
}
