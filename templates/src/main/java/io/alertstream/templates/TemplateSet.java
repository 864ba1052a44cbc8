package io.alertstream.templates;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Named templates (from {@code define}, {@code block}, and native Java ones) and the functions they
 * may call; renders template text against data as Alertmanager's {@code ExecuteTextString} and
 * {@code ExecuteHTMLString} do. Immutable once built; safe to share between threads.
 */
public final class TemplateSet {

  private final Functions functions;
  private final Map<String, List<Node>> defined;
  private final Map<String, NativeTemplate> natives;

  private TemplateSet(
      Functions functions, Map<String, List<Node>> defined, Map<String, NativeTemplate> natives) {
    this.functions = functions;
    this.defined = Map.copyOf(defined);
    this.natives = Map.copyOf(natives);
  }

  /** Builds a set. */
  public static final class Builder {
    private final Functions functions;
    private final Map<String, List<Node>> defined = new HashMap<>();
    private final Map<String, NativeTemplate> natives = new HashMap<>();

    private Builder(Clock clock) {
      this.functions = new Functions(clock);
    }

    /** A template written in Java; a {@code define} of the same name in a file replaces it. */
    public Builder nativeTemplate(String name, NativeTemplate template) {
      natives.put(name, template);
      return this;
    }

    /** Parses a template file and keeps the templates it defines. */
    public Builder parse(String fileName, String text) throws TemplateException {
      Parser.parse(fileName, text, functions.names(), defined);
      return this;
    }

    public TemplateSet build() {
      return new TemplateSet(functions, defined, natives);
    }
  }

  public static Builder builder() {
    return builder(Clock.systemUTC());
  }

  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /** Checks that text parses, with this set's functions; defines in it are not kept. */
  public void check(String name, String text) throws TemplateException {
    Parser.parse(name, text, functions.names(), new HashMap<>());
  }

  /** Renders {@code text} with {@code data} as dot; plain text (no escaping). */
  public String renderText(String text, Object data) throws TemplateException {
    return render(text, data, false);
  }

  /** Renders {@code text} as HTML: printed values are escaped unless {@code safeHtml}. */
  public String renderHtml(String text, Object data) throws TemplateException {
    return render(text, data, true);
  }

  /** Executes one named template. */
  public String execute(String name, Object data) throws TemplateException {
    StringBuilder out = new StringBuilder();
    Evaluator evaluator = new Evaluator(this, false, out);
    call(name, data, evaluator, name);
    return out.toString();
  }

  private String render(String text, Object data, boolean html) throws TemplateException {
    if (text.isEmpty()) {
      return "";
    }
    Map<String, List<Node>> local = new HashMap<>();
    List<Node> body = Parser.parse("", text, functions.names(), local);
    TemplateSet scope = local.isEmpty() ? this : withDefined(local);
    StringBuilder out = new StringBuilder();
    new Evaluator(scope, html, out).run("", body, data);
    return out.toString();
  }

  private TemplateSet withDefined(Map<String, List<Node>> more) {
    Map<String, List<Node>> all = new HashMap<>(defined);
    all.putAll(more);
    return new TemplateSet(functions, all, natives);
  }

  Functions functions() {
    return functions;
  }

  void call(String name, Object dot, Evaluator evaluator, String at) throws TemplateException {
    List<Node> body = defined.get(name);
    if (body != null) {
      evaluator.runDefined(name, body, dot);
      return;
    }
    NativeTemplate template = natives.get(name);
    if (template != null) {
      evaluator.appendTrusted(template.render(dot));
      return;
    }
    throw new TemplateException(
        "template: "
            + at
            + ": template: no template \""
            + name
            + "\" associated with template \"\"");
  }
}
