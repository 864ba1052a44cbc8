package io.alertstream.templates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Executes parsed templates with Go's text/template semantics. */
final class Evaluator {

  /** Unwinds to the enclosing range. */
  private static final class LoopControl extends RuntimeException {
    final boolean isBreak;

    LoopControl(boolean isBreak) {
      super(null, null, false, false);
      this.isBreak = isBreak;
    }
  }

  private record Var(String name, Object value) {}

  private static final int MAX_DEPTH = 100;

  private final TemplateSet set;
  private final boolean html;
  private final StringBuilder out;
  private final RenderBudget budget;
  private final List<Var> vars = new ArrayList<>();
  private String current;
  private int depth;

  /** Where HTML output stands, for escaping; made on the first value printed as HTML. */
  private HtmlContext htmlContext;

  Evaluator(TemplateSet set, boolean html, StringBuilder out, RenderBudget budget) {
    this.set = set;
    this.html = html;
    this.out = out;
    this.budget = budget;
  }

  RenderBudget budget() {
    return budget;
  }

  /** The data the rendering was started with (the outermost {@code $}). */
  Object root() {
    return vars.isEmpty() ? null : vars.get(0).value();
  }

  void run(String name, List<Node> body, Object dot) throws TemplateException {
    String saved = current;
    int mark = vars.size();
    current = name;
    vars.add(new Var("$", dot));
    if (++depth > MAX_DEPTH) {
      throw new TemplateException(
          "template: " + name + ": exceeded maximum template depth (" + MAX_DEPTH + ")");
    }
    try {
      walk(body, dot);
      if (html && depth == 1) {
        // The rendering is done: html/template's rewriting of the last template text.
        if (htmlContext == null) {
          htmlContext = new HtmlContext();
        }
        htmlContext.finish(out);
      }
    } finally {
      depth--;
      truncate(mark);
      current = saved;
    }
  }

  private void truncate(int mark) {
    while (vars.size() > mark) {
      vars.remove(vars.size() - 1);
    }
  }

  private void walk(List<Node> nodes, Object dot) throws TemplateException {
    for (Node node : nodes) {
      walk(node, dot);
    }
  }

  private void walk(Node node, Object dot) throws TemplateException {
    budget.step();
    int before = out.length();
    walkNode(node, dot);
    if (out.length() != before) {
      budget.checkOutput(out.length());
    }
  }

  private void walkNode(Node node, Object dot) throws TemplateException {
    if (node instanceof Node.Text t) {
      out.append(t.text());
    } else if (node instanceof Node.Action a) {
      // In HTML a final html or urlquery is applied by the contextual escaping (html/template's
      // rule), so the pipeline runs with print in its place.
      String predefined =
          html && a.pipe().variables().isEmpty()
              ? HtmlContext.trailingEscaper(a.pipe(), at(a.pos()))
              : null;
      Object value =
          pipe(predefined == null ? a.pipe() : HtmlContext.withoutTrailingEscaper(a.pipe()), dot);
      if (a.pipe().variables().isEmpty()) {
        printValue(value, predefined);
      }
    } else if (node instanceof Node.If n) {
      int mark = vars.size();
      boolean truth = GoValues.truth(pipe(n.pipe(), dot));
      walk(truth ? n.then() : n.otherwise(), dot);
      truncate(mark);
    } else if (node instanceof Node.With n) {
      int mark = vars.size();
      Object value = pipe(n.pipe(), dot);
      if (GoValues.truth(value)) {
        walk(n.body(), value);
      } else {
        walk(n.otherwise(), dot);
      }
      truncate(mark);
    } else if (node instanceof Node.Range n) {
      range(n, dot);
    } else if (node instanceof Node.Call c) {
      Object arg = c.pipe() == null ? null : pipe(c.pipe(), dot);
      set.call(c.name(), arg, this, at(c.pos()));
    } else if (node instanceof Node.Break) {
      throw new LoopControl(true);
    } else if (node instanceof Node.Continue) {
      throw new LoopControl(false);
    }
  }

  /** Called by the set for a defined template, so that output and depth are shared. */
  void runDefined(String name, List<Node> body, Object dot) throws TemplateException {
    int mark = vars.size();
    List<Var> outer = new ArrayList<>(vars);
    vars.clear();
    try {
      run(name, body, dot);
    } finally {
      vars.clear();
      vars.addAll(outer);
      truncate(mark);
    }
  }

  void appendTrusted(String text) {
    out.append(text);
  }

  private void range(Node.Range n, Object dot) throws TemplateException {
    int mark = vars.size();
    Object value = pipe(n.pipe(), dot);
    Iterator<Object[]> items = items(n, value);
    if (!items.hasNext()) {
      truncate(mark);
      walk(n.otherwise(), dot);
      return;
    }
    List<String> names = n.pipe().variables();
    int loopMark = vars.size() - names.size();
    while (items.hasNext()) {
      Object[] item = items.next();
      budget.step();
      truncate(loopMark);
      if (names.size() == 1) {
        vars.add(new Var(names.get(0), item[1]));
      } else if (names.size() == 2) {
        vars.add(new Var(names.get(0), item[0]));
        vars.add(new Var(names.get(1), item[1]));
      }
      int bodyMark = vars.size();
      try {
        walk(n.body(), item[1]);
      } catch (LoopControl control) {
        if (control.isBreak) {
          break;
        }
      } finally {
        truncate(bodyMark);
      }
    }
    truncate(mark);
  }

  /**
   * Index and element of each item, made as the loop goes: {@code range 1000000000} allocates
   * nothing up front, and the render budget stops it.
   */
  private Iterator<Object[]> items(Node.Range n, Object value) throws TemplateException {
    if (value instanceof List<?> list) {
      Iterator<?> elements = list.iterator();
      long[] index = {0};
      return iterator(elements::hasNext, () -> new Object[] {index[0]++, elements.next()});
    }
    if (value instanceof Map<?, ?> map) {
      Iterator<? extends Map.Entry<?, ?>> entries = new TreeMap<>(map).entrySet().iterator();
      return iterator(
          entries::hasNext,
          () -> {
            Map.Entry<?, ?> e = entries.next();
            return new Object[] {e.getKey(), e.getValue()};
          });
    }
    if (GoValues.isInteger(value)) {
      long count = ((Number) value).longValue();
      long[] next = {0};
      return iterator(() -> next[0] < count, () -> new Object[] {next[0], next[0]++});
    }
    if (value != null) {
      throw error(n.pos(), "range can't iterate over " + GoValues.print(value));
    }
    return Collections.emptyIterator();
  }

  private static Iterator<Object[]> iterator(BooleanSupplier hasNext, Supplier<Object[]> next) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return hasNext.getAsBoolean();
      }

      @Override
      public Object[] next() {
        return next.get();
      }
    };
  }

  /**
   * Prints a value: as is in text; in HTML escaped for where it lands ({@link HtmlContext}).
   *
   * @param predefined {@code html} or {@code urlquery} when that function ends the pipeline and has
   *     not been applied to {@code value} yet; null otherwise
   */
  void printValue(Object value, String predefined) throws TemplateException {
    if (html) {
      if (htmlContext == null) {
        htmlContext = new HtmlContext();
      }
      htmlContext.print(out, value, predefined);
      return;
    }
    if (value instanceof SafeHtml safe) {
      out.append(safe.html());
      return;
    }
    String text = value == null ? "<no value>" : GoValues.print(value);
    if (predefined != null) {
      text = predefined.equals("html") ? Escapers.html(text) : Escapers.urlQuery(text);
    }
    out.append(text);
  }

  Object pipe(Node.Pipe pipe, Object dot) throws TemplateException {
    Object value = null;
    boolean first = true;
    for (Node.Command command : pipe.commands()) {
      value = command(command, dot, first ? List.of() : List.of(new Object[] {value}));
      first = false;
    }
    List<String> names = pipe.variables();
    if (!names.isEmpty()) {
      if (pipe.reassign()) {
        for (int i = vars.size() - 1; i >= 0; i--) {
          if (vars.get(i).name().equals(names.get(0))) {
            vars.set(i, new Var(names.get(0), value));
            break;
          }
        }
      } else if (names.size() == 1 || !(value instanceof List<?> || value instanceof Map<?, ?>)) {
        // A range with two variables declares them per item; otherwise the last one gets it.
        for (String name : names) {
          vars.add(new Var(name, value));
        }
      } else {
        for (String name : names) {
          vars.add(new Var(name, null));
        }
      }
    }
    return value;
  }

  private Object command(Node.Command command, Object dot, List<Object> piped)
      throws TemplateException {
    List<Node.Arg> args = command.args();
    Node.Arg first = args.get(0);
    try {
      if (first instanceof Node.Identifier fn) {
        return set.functions().call(fn.name(), lazyArgs(args, dot, piped), this, dot);
      }
      boolean hasArgs = args.size() > 1 || !piped.isEmpty();
      if (first instanceof Node.Field f && hasArgs) {
        Object receiver = fields(dot, f.names().subList(0, f.names().size() - 1));
        return method(receiver, f.names().get(f.names().size() - 1), evalArgs(args, dot, piped));
      }
      if (first instanceof Node.Variable v && hasArgs && !v.fields().isEmpty()) {
        Object receiver = fields(variable(v.name()), v.fields().subList(0, v.fields().size() - 1));
        return method(receiver, v.fields().get(v.fields().size() - 1), evalArgs(args, dot, piped));
      }
      if (first instanceof Node.Chain c && hasArgs && !c.fields().isEmpty()) {
        Object receiver = fields(pipe(c.pipe(), dot), c.fields().subList(0, c.fields().size() - 1));
        return method(receiver, c.fields().get(c.fields().size() - 1), evalArgs(args, dot, piped));
      }
      if (hasArgs) {
        throw new TemplateException("can't give argument to non-function " + describe(first));
      }
      return operand(first, dot);
    } catch (TemplateException e) {
      if (e.getMessage().startsWith("template: ")) {
        throw e;
      }
      throw error(command.pos(), "at <" + describe(first) + ">: " + e.getMessage());
    }
  }

  private List<Lazy> lazyArgs(List<Node.Arg> args, Object dot, List<Object> piped) {
    List<Lazy> out = new ArrayList<>();
    for (Node.Arg arg : args.subList(1, args.size())) {
      out.add(() -> operand(arg, dot));
    }
    for (Object p : piped) {
      out.add(() -> p);
    }
    return out;
  }

  /** An argument evaluated when the function needs it ({@code and} and {@code or} stop early). */
  interface Lazy {
    Object get() throws TemplateException;
  }

  private List<Object> evalArgs(List<Node.Arg> args, Object dot, List<Object> piped)
      throws TemplateException {
    List<Object> out = new ArrayList<>();
    for (Node.Arg arg : args.subList(1, args.size())) {
      out.add(operand(arg, dot));
    }
    out.addAll(piped);
    return out;
  }

  private Object operand(Node.Arg arg, Object dot) throws TemplateException {
    if (arg instanceof Node.Dot) {
      return dot;
    }
    if (arg instanceof Node.Literal l) {
      return l.value();
    }
    if (arg instanceof Node.Field f) {
      return fields(dot, f.names());
    }
    if (arg instanceof Node.Variable v) {
      return fields(variable(v.name()), v.fields());
    }
    if (arg instanceof Node.Chain c) {
      return fields(pipe(c.pipe(), dot), c.fields());
    }
    return set.functions().call(((Node.Identifier) arg).name(), List.of(), this, dot);
  }

  private Object variable(String name) throws TemplateException {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name().equals(name)) {
        return vars.get(i).value();
      }
    }
    throw new TemplateException("undefined variable: " + name);
  }

  private Object fields(Object receiver, List<String> names) throws TemplateException {
    Object value = receiver;
    for (String name : names) {
      value = field(value, name);
    }
    return value;
  }

  private static Object field(Object receiver, String name) throws TemplateException {
    if (receiver instanceof TemplateObject object) {
      Object value = object.field(name);
      if (value == TemplateObject.MISSING) {
        throw new TemplateException(
            "can't evaluate field " + name + " in type " + object.typeName());
      }
      return value;
    }
    if (receiver instanceof Map<?, ?> map) {
      return map.get(name);
    }
    if (receiver == null) {
      throw new TemplateException("nil pointer evaluating interface {}." + name);
    }
    throw new TemplateException(
        "can't evaluate field " + name + " in type " + GoValues.typeName(receiver));
  }

  private static Object method(Object receiver, String name, List<Object> args)
      throws TemplateException {
    if (receiver instanceof TemplateObject object) {
      return object.call(name, args);
    }
    throw new TemplateException(name + " is not a method but has arguments");
  }

  private static String describe(Node.Arg arg) {
    if (arg instanceof Node.Dot) {
      return ".";
    }
    if (arg instanceof Node.Field f) {
      return "." + String.join(".", f.names());
    }
    if (arg instanceof Node.Variable v) {
      return v.name() + (v.fields().isEmpty() ? "" : "." + String.join(".", v.fields()));
    }
    if (arg instanceof Node.Identifier i) {
      return i.name();
    }
    if (arg instanceof Node.Literal l) {
      return GoValues.print(l.value());
    }
    return "(...)";
  }

  private String at(Node.Pos pos) {
    return pos.source() + ":" + pos.line() + ":" + pos.col();
  }

  TemplateException error(Node.Pos pos, String what) {
    return new TemplateException(
        "template: " + at(pos) + ": executing \"" + current + "\" " + what);
  }
}
