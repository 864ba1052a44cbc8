package io.alertstream.api;

import io.alertstream.schemas.TenantConfig;

/** Writes tenants' configs to the configs topic. */
public interface TenantConfigWriter {

  /** Stores the config durably; {@code null} deletes the tenant's config. */
  void write(String tenant, TenantConfig config) throws Exception;
}
