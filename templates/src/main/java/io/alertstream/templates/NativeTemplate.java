package io.alertstream.templates;

/**
 * A template written in Java, called with {@code {{ template "name" . }}} like a defined one. It
 * writes through an {@link Output} as a defined template would: its own text unescaped, printed
 * values escaped for where they land in HTML, and other templates called by name, so that a
 * tenant's {@code define} of a name it calls takes effect inside it.
 */
@FunctionalInterface
public interface NativeTemplate {

  void render(Object dot, Output out) throws TemplateException;

  /** What a native template writes to; each call is what one template construct does. */
  interface Output {

    /** The template's own text, written as is (text between actions). */
    Output text(String text);

    /** A printed value, as {@code {{ value }}} prints it; escaped by context in HTML. */
    Output value(Object value) throws TemplateException;

    /** A value printed through {@code urlquery}, as {@code {{ value | urlquery }}} prints it. */
    Output urlQuery(String value) throws TemplateException;

    /** {@code {{ template "name" dot }}}: a tenant's define of that name, else the built-in. */
    Output template(String name, Object dot) throws TemplateException;
  }
}
