package io.alertstream.config.tenant;

import io.alertstream.config.InvalidConfigException;

/**
 * The limits of every tenant: the defaults, and the overrides of the runtime file last loaded.
 * Loading a file that does not parse leaves the last good overrides in force.
 */
public final class RuntimeLimits implements TenantLimitsSource {

  private final TenantLimits defaults;
  private volatile LimitsOverrides overrides = LimitsOverrides.NONE;

  public RuntimeLimits(TenantLimits defaults) {
    this.defaults = defaults;
  }

  @Override
  public TenantLimits forTenant(String tenant) {
    return overrides.forTenant(tenant, defaults);
  }

  /**
   * Replaces the overrides with those of this file's text.
   *
   * @return the overrides now in force
   * @throws InvalidConfigException naming the bad field; the previous overrides stay
   */
  public LimitsOverrides load(String yaml) throws InvalidConfigException {
    LimitsOverrides loaded = LimitsOverrides.parse(yaml, defaults);
    overrides = loaded;
    return loaded;
  }
}
