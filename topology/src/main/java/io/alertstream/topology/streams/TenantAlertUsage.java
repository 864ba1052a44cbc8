package io.alertstream.topology.streams;

import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.AlertQuota;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How many alerts, of how many bytes, each tenant of the task holds, for its alert limits: counted
 * from the store the first time a tenant's limits are checked, then kept up to date as alerts are
 * stored and collected, so that a check costs no scan. Held in memory; a restarted task counts
 * again.
 */
final class TenantAlertUsage {

  /** One tenant's alerts. */
  static final class Usage {
    int count;
    long bytes;
  }

  private final Map<String, Usage> tenants = new HashMap<>();

  /** The tenant's usage, counted from {@code stored} if it is not known yet. */
  Usage of(String tenant, Supplier<Iterable<Alert>> stored) {
    Usage usage = tenants.get(tenant);
    if (usage == null) {
      usage = new Usage();
      for (Alert a : stored.get()) {
        usage.count++;
        usage.bytes += bytes(a);
      }
      tenants.put(tenant, usage);
    }
    return usage;
  }

  /** {@code after} was stored in place of {@code before} (null: a new alert). */
  void stored(String tenant, Alert before, Alert after) {
    Usage usage = tenants.get(tenant);
    if (usage != null) {
      usage.count += before == null ? 1 : 0;
      usage.bytes += bytes(after) - (before == null ? 0 : bytes(before));
    }
  }

  /** The alert left the store. */
  void removed(String tenant, Alert alert) {
    Usage usage = tenants.get(tenant);
    if (usage != null) {
      usage.count--;
      usage.bytes -= bytes(alert);
    }
  }

  private static long bytes(Alert a) {
    return AlertQuota.size(a.labels(), a.annotations());
  }
}
