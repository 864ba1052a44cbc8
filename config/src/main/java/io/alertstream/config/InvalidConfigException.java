package io.alertstream.config;

/** A configuration was refused; the message names the field at fault. */
public class InvalidConfigException extends Exception {

  private final String field;

  public InvalidConfigException(String field, String problem) {
    super(field.isEmpty() ? problem : field + ": " + problem);
    this.field = field;
  }

  /** The path of the field at fault, e.g. {@code receivers[0].webhook_configs[1].url}. */
  public String field() {
    return field;
  }
}
