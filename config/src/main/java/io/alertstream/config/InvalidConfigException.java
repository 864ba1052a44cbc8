package io.alertstream.config;

/** A configuration was refused; the message names the field at fault and its line. */
public class InvalidConfigException extends Exception {

  private final String field;
  private final int line;

  public InvalidConfigException(String field, int line, String problem) {
    super(describe(field, line) + problem);
    this.field = field;
    this.line = line;
  }

  public InvalidConfigException(String field, String problem) {
    this(field, 0, problem);
  }

  private static String describe(String field, int line) {
    String where = field.isEmpty() ? "" : field;
    if (line > 0) {
      where = where.isEmpty() ? "line " + line : where + " (line " + line + ")";
    }
    return where.isEmpty() ? "" : where + ": ";
  }

  /** The path of the field at fault, e.g. {@code receivers[0].webhook_configs[1].url}. */
  public String field() {
    return field;
  }

  /** The line of the field in the YAML text, from 1; 0 when unknown. */
  public int line() {
    return line;
  }
}
