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
  private final RenderLimits limits;

  private TemplateSet(
      Functions functions,
      Map<String, List<Node>> defined,
      Map<String, NativeTemplate> natives,
      RenderLimits limits) {
    this.functions = functions;
    this.defined = Map.copyOf(defined);
    this.natives = Map.copyOf(natives);
    this.limits = limits;
  }

  /** Builds a set. */
  public static final class Builder {
    private final Functions functions;
    private final Map<String, List<Node>> defined = new HashMap<>();
    private final Map<String, NativeTemplate> natives = new HashMap<>();
    private RenderLimits limits = RenderLimits.DEFAULT;

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

    /** The tenant whose templates these are, for Mimir's {@code tenantID} (else ""). */
    public Builder tenant(String tenantId) {
      functions.tenant(tenantId);
      return this;
    }

    /** The limits each notification's rendering starts with ({@link #newBudget}). */
    public Builder limits(RenderLimits limits) {
      this.limits = limits;
      return this;
    }

    public TemplateSet build() {
      return new TemplateSet(functions, defined, natives, limits);
    }
  }

  public static Builder builder() {
    return builder(Clock.systemUTC());
  }

  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /** A budget for one notification's renderings, from this set's {@link RenderLimits}. */
  public RenderBudget newBudget() {
    return limits.start();
  }

  /** Checks that text parses, with this set's functions; defines in it are not kept. */
  public void check(String name, String text) throws TemplateException {
    Parser.parse(name, text, functions.names(), new HashMap<>());
  }

  /**
   * Renders {@code text} with {@code data} as dot; plain text (no escaping); within a new budget
   * ({@link #newBudget}).
   */
  public String renderText(String text, Object data) throws TemplateException {
    return render(text, data, false, newBudget());
  }

  /** Like {@link #renderText(String, Object)}, spending from a notification's budget. */
  public String renderText(String text, Object data, RenderBudget budget) throws TemplateException {
    return render(text, data, false, budget);
  }

  /** Renders {@code text} as HTML: printed values are escaped unless {@code safeHtml}. */
  public String renderHtml(String text, Object data) throws TemplateException {
    return render(text, data, true, newBudget());
  }

  /** Like {@link #renderHtml(String, Object)}, spending from a notification's budget. */
  public String renderHtml(String text, Object data, RenderBudget budget) throws TemplateException {
    return render(text, data, true, budget);
  }

  /** Executes one named template, within a new budget ({@link #newBudget}). */
  public String execute(String name, Object data) throws TemplateException {
    StringBuilder out = new StringBuilder();
    RenderBudget budget = newBudget();
    call(name, data, new Evaluator(this, false, out, budget), name);
    budget.charge(out.length());
    return out.toString();
  }

  private String render(String text, Object data, boolean html, RenderBudget budget)
      throws TemplateException {
    if (text.isEmpty()) {
      return "";
    }
    budget.checkTime();
    Map<String, List<Node>> local = new HashMap<>();
    List<Node> body = Parser.parse("", text, functions.names(), local);
    TemplateSet scope = local.isEmpty() ? this : withDefined(local);
    StringBuilder out = new StringBuilder();
    new Evaluator(scope, html, out, budget).run("", body, data);
    budget.charge(out.length());
    return out.toString();
  }

  private TemplateSet withDefined(Map<String, List<Node>> more) {
    Map<String, List<Node>> all = new HashMap<>(defined);
    all.putAll(more);
    return new TemplateSet(functions, all, natives, limits);
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
      template.render(dot, new NativeOutput(this, evaluator, at));
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
