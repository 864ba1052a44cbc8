package io.alertstream.templates;

import java.util.List;

/** The parsed form of a template: its text, actions and control structures. */
sealed interface Node {

  /** Where a node came from, for error messages. */
  record Pos(int line, int col, String source) {}

  record Text(String text) implements Node {}

  /** An action whose value is printed, or a variable declaration that prints nothing. */
  record Action(Pos pos, Pipe pipe) implements Node {}

  record If(Pos pos, Pipe pipe, List<Node> then, List<Node> otherwise) implements Node {}

  record Range(Pos pos, Pipe pipe, List<Node> body, List<Node> otherwise) implements Node {}

  record With(Pos pos, Pipe pipe, List<Node> body, List<Node> otherwise) implements Node {}

  /** {@code {{ template "name" pipeline }}}; pipe null when there is no argument. */
  record Call(Pos pos, String name, Pipe pipe) implements Node {}

  record Break(Pos pos) implements Node {}

  record Continue(Pos pos) implements Node {}

  /**
   * Commands joined by {@code |}, optionally assigned to variables ({@code $x := ...}, or {@code $x
   * = ...} when {@code reassign}).
   */
  record Pipe(Pos pos, List<String> variables, boolean reassign, List<Command> commands) {}

  /** The words of one command: a function and its arguments, or a single operand. */
  record Command(Pos pos, List<Arg> args) {}

  /** An operand of a command. */
  sealed interface Arg {}

  /** {@code .A.B}: fields of dot. */
  record Field(List<String> names) implements Arg {}

  record Dot() implements Arg {}

  /** {@code $x.A.B}. */
  record Variable(String name, List<String> fields) implements Arg {}

  /** A function name. */
  record Identifier(String name) implements Arg {}

  record Literal(Object value) implements Arg {}

  /** {@code (pipeline).A.B}. */
  record Chain(Pipe pipe, List<String> fields) implements Arg {}
}
