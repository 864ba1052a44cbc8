package io.alertstream.templates;

/**
 * A template written in Java, called with {@code {{ template "name" . }}} like a defined one. Its
 * output is trusted: it is not escaped in HTML templates.
 */
@FunctionalInterface
public interface NativeTemplate {

  String render(Object dot) throws TemplateException;
}
