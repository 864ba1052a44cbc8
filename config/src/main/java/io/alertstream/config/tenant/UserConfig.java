package io.alertstream.config.tenant;

import io.alertstream.config.AlertmanagerConfig;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a tenant uploads through Mimir's config API: the alertmanager.yml text, its template files
 * by name, and Alertstream's own settings (the body's {@code alertstream:} section).
 *
 * @param parsed the alertmanager.yml as validation parsed it
 */
public record UserConfig(
    String alertmanagerConfig,
    Map<String, String> templateFiles,
    TenantSettings settings,
    AlertmanagerConfig parsed) {

  public UserConfig {
    templateFiles = java.util.Collections.unmodifiableMap(new TreeMap<>(templateFiles));
  }
}
