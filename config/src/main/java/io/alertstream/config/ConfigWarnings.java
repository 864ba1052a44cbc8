package io.alertstream.config;

import java.util.ArrayList;
import java.util.List;

/** Collects the {@link ConfigWarning}s of one parse, in document order of discovery. */
public final class ConfigWarnings {

  private final List<ConfigWarning> warnings = new ArrayList<>();

  public void add(ConfigWarning warning) {
    if (!warnings.contains(warning)) {
      warnings.add(warning);
    }
  }

  public List<ConfigWarning> list() {
    return List.copyOf(warnings);
  }
}
