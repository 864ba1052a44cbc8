package io.alertstream.connectors.tenantconfig;

import java.time.Duration;
import java.util.Optional;

/** Where a sink task finds each tenant's config: in production the {@link TenantConfigCache}. */
public interface TenantConfigSource {

  /**
   * The tenant's config once it is at least {@code version}, waiting up to {@code timeout}; after
   * the timeout, whatever older version there is, or empty when the tenant has none.
   */
  Optional<TenantConfigCache.Entry> awaitVersion(String tenant, long version, Duration timeout)
      throws InterruptedException;
}
