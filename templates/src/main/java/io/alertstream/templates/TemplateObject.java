package io.alertstream.templates;

import java.util.List;

/**
 * A value with fields and methods, as a Go struct is to templates: {@code .Name} reads a field or
 * calls a method without arguments; a method with arguments is called when the field ends a command
 * that has arguments ({@code .Labels.Remove .Names}).
 */
public interface TemplateObject {

  /** Returned by {@link #field} for a name the object does not have. */
  Object MISSING = new Object();

  Object field(String name) throws TemplateException;

  /** A method with arguments; by default there is none. */
  default Object call(String method, List<Object> args) throws TemplateException {
    throw new TemplateException("can't give argument to non-function " + method);
  }

  /** Go's type name, for messages. */
  default String typeName() {
    return getClass().getSimpleName();
  }
}
