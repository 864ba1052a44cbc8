package io.alertstream.templates;

/**
 * A template that does not parse or fails while executing. Messages follow Go's: {@code template:
 * <name>:<line>:<col>: <what>}.
 */
public final class TemplateException extends Exception {

  public TemplateException(String message) {
    super(message);
  }

  static TemplateException at(String template, int line, int col, String what) {
    return new TemplateException("template: " + template + ":" + line + ":" + col + ": " + what);
  }
}
