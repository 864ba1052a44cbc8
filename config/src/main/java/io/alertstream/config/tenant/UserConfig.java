package io.alertstream.config.tenant;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a tenant uploads through Mimir's config API: the alertmanager.yml text, its template files
 * by name, and Alertstream's own settings (the body's {@code alertstream:} section).
 */
public record UserConfig(
    String alertmanagerConfig, Map<String, String> templateFiles, TenantSettings settings) {

  public UserConfig {
    templateFiles = java.util.Collections.unmodifiableMap(new TreeMap<>(templateFiles));
  }

  /** A config without settings of Alertstream's own. */
  public UserConfig(String alertmanagerConfig, Map<String, String> templateFiles) {
    this(alertmanagerConfig, templateFiles, TenantSettings.DEFAULT);
  }
}
