package io.alertstream.templates;

/**
 * A native template's output: the evaluator running it, so its text, values and template calls land
 * in the same output, escaped by the same HTML context, as a defined template's would.
 */
final class NativeOutput implements NativeTemplate.Output {

  private final TemplateSet set;
  private final Evaluator evaluator;
  private final String at;

  NativeOutput(TemplateSet set, Evaluator evaluator, String at) {
    this.set = set;
    this.evaluator = evaluator;
    this.at = at;
  }

  @Override
  public NativeTemplate.Output text(String text) {
    evaluator.appendTrusted(text);
    return this;
  }

  @Override
  public NativeTemplate.Output value(Object value) throws TemplateException {
    evaluator.printValue(value, null);
    return this;
  }

  @Override
  public NativeTemplate.Output urlQuery(String value) throws TemplateException {
    evaluator.printValue(value, "urlquery");
    return this;
  }

  @Override
  public NativeTemplate.Output template(String name, Object dot) throws TemplateException {
    set.call(name, dot, evaluator, at);
    return this;
  }
}
