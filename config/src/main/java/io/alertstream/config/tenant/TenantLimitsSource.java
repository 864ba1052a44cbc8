package io.alertstream.config.tenant;

/** Where a tenant's limits come from: the same for all, or per tenant (Mimir's overrides). */
@FunctionalInterface
public interface TenantLimitsSource {

  TenantLimits forTenant(String tenant);

  /** The same limits for every tenant. */
  static TenantLimitsSource fixed(TenantLimits limits) {
    return tenant -> limits;
  }
}
