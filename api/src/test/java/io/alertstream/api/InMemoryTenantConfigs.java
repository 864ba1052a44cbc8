package io.alertstream.api;

import io.alertstream.schemas.TenantConfig;
import io.alertstream.topology.tenancy.TenantConfigStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Configs in a map, applied as soon as written: the API's view of the topology, for tests. */
final class InMemoryTenantConfigs implements TenantConfigStore, TenantConfigWriter {

  private final Map<String, TenantConfig> configs = new ConcurrentHashMap<>();
  int writes;

  @Override
  public Optional<TenantConfig> current(String tenant) {
    return Optional.ofNullable(configs.get(tenant));
  }

  @Override
  public boolean await(String tenant, long version, Duration timeout) {
    return true;
  }

  @Override
  public void write(String tenant, TenantConfig config) {
    writes++;
    if (config == null) {
      configs.remove(tenant);
    } else {
      configs.put(tenant, config);
    }
  }
}
