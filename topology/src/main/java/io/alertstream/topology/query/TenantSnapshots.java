package io.alertstream.topology.query;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.tenant.ParsedConfigs;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.topology.tenancy.FallbackConfigSource;
import io.alertstream.topology.tenancy.TenantConfigStore;
import java.time.Clock;
import java.util.Optional;

/** A tenant's config and alerts as the API answers with them, read at the moment of asking. */
public final class TenantSnapshots {

  private final TenantConfigStore configs;
  private final TenantStateReader state;
  private final FallbackConfigSource fallback;
  private final Clock clock;

  public TenantSnapshots(
      TenantConfigStore configs,
      TenantStateReader state,
      FallbackConfigSource fallback,
      Clock clock) {
    this.configs = configs;
    this.state = state;
    this.fallback = fallback;
    this.clock = clock;
  }

  public TenantStateReader state() {
    return state;
  }

  public Clock clock() {
    return clock;
  }

  /** The stored config, if the tenant has one. */
  public Optional<TenantConfig> storedConfig(String tenant) {
    return configs.current(tenant);
  }

  /** The config the tenant runs: its own, or the fallback. */
  public AlertmanagerConfig config(String tenant) {
    Optional<TenantConfig> stored = configs.current(tenant);
    if (stored.isEmpty()) {
      return fallback.config();
    }
    try {
      return ParsedConfigs.shared()
          .parse(tenant, stored.get().getVersion(), stored.get().getAlertmanagerConfig());
    } catch (InvalidConfigException e) {
      throw new IllegalStateException("tenant " + tenant + ": stored config no longer parses", e);
    }
  }

  public AlertViews alertViews(String tenant) {
    return new AlertViews(
        config(tenant), state.alerts(tenant), state.silences(tenant), clock.millis());
  }
}
