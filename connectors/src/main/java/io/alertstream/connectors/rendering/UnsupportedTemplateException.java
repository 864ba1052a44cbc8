package io.alertstream.connectors.rendering;

/** A template uses something the built-in renderer does not evaluate yet. */
public final class UnsupportedTemplateException extends Exception {

  public UnsupportedTemplateException(String message) {
    super(message);
  }
}
