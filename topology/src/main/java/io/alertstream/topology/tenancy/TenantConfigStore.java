package io.alertstream.topology.tenancy;

import io.alertstream.schemas.TenantConfig;
import java.time.Duration;
import java.util.Optional;

/** Tenants' current configs, as the topology holds them. */
public interface TenantConfigStore {

  Optional<TenantConfig> current(String tenant);

  /**
   * Waits until the tenant's config is at {@code version} (or, for {@code version} 0, gone).
   *
   * @return whether it got there in time
   */
  boolean await(String tenant, long version, Duration timeout) throws InterruptedException;
}
