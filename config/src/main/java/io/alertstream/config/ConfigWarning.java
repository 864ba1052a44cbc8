package io.alertstream.config;

/**
 * A key the configuration may hold but that Alertstream does not act on (or acts on only in part):
 * the config is accepted, and the warning names the key and says why.
 *
 * @param field the path of the key, e.g. {@code receivers[0].webhook_configs[0].timeout}
 * @param line the key's line in the YAML text, from 1; 0 when unknown
 * @param reason what Alertstream does with it instead
 */
public record ConfigWarning(String field, int line, String reason) {

  /** The same warning for a config embedded under {@code prefix} (e.g. alertmanager_config). */
  public ConfigWarning within(String prefix) {
    return new ConfigWarning(field.isEmpty() ? prefix : prefix + "." + field, line, reason);
  }

  @Override
  public String toString() {
    String where = field;
    if (line > 0) {
      where = where.isEmpty() ? "line " + line : where + " (line " + line + ")";
    }
    return where.isEmpty() ? reason : where + ": " + reason;
  }
}
