package io.alertstream.config.tenant;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a tenant uploads through Mimir's config API: the alertmanager.yml text and its template
 * files by name.
 */
public record UserConfig(String alertmanagerConfig, Map<String, String> templateFiles) {

  public UserConfig {
    templateFiles = java.util.Collections.unmodifiableMap(new TreeMap<>(templateFiles));
  }
}
