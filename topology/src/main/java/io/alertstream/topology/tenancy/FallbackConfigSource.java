package io.alertstream.topology.tenancy;

import io.alertstream.config.AlertmanagerConfig;

/**
 * The fallback config in force, which {@code /-/reload} may replace: read by the topology (tenants
 * without a config run it; a change regroups them, as a reload regroups a tenant) and the API.
 */
public final class FallbackConfigSource {

  private record Current(AlertmanagerConfig config, long version) {}

  private volatile Current current;

  public FallbackConfigSource(AlertmanagerConfig config) {
    this.current = new Current(config, 1);
  }

  public AlertmanagerConfig config() {
    return current.config();
  }

  /** Grows with every replacement. */
  public long version() {
    return current.version();
  }

  public synchronized void replace(AlertmanagerConfig config) {
    current = new Current(config, current.version() + 1);
  }
}
