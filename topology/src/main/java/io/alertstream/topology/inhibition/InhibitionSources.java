package io.alertstream.topology.inhibition;

import io.alertstream.config.inhibition.InhibitRule;
import io.alertstream.topology.alerts.Alert;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Per tenant, the alerts that match the source side of any of its inhibition rules: what an {@link
 * Inhibitor} needs, kept up to date as alerts arrive instead of being looked up among all the
 * tenant's alerts at every flush. A tenant's entry is built on first use from all its alerts, and
 * forgotten when its rules change; a tenant without rules never scans.
 */
public final class InhibitionSources {

  private final Map<String, Map<String, Alert>> byTenant = new HashMap<>();

  /** The tenant's source alerts, building them from {@code allAlerts} on first use. */
  public Collection<Alert> of(
      String tenant, List<InhibitRule> rules, Supplier<Iterable<Alert>> allAlerts) {
    Map<String, Alert> sources = byTenant.get(tenant);
    if (sources == null) {
      sources = new LinkedHashMap<>();
      if (!rules.isEmpty()) {
        for (Alert alert : allAlerts.get()) {
          if (isSource(rules, alert)) {
            sources.put(alert.fingerprint(), alert);
          }
        }
      }
      byTenant.put(tenant, sources);
    }
    return sources.values();
  }

  /**
   * Takes a stored alert's new version into account. (Labels make the fingerprint, so whether an
   * alert is a source never changes; a resolved source stays until it is deleted, and the {@link
   * Inhibitor} leaves it out.)
   */
  public void update(String tenant, List<InhibitRule> rules, Alert alert) {
    Map<String, Alert> sources = byTenant.get(tenant);
    if (sources != null && isSource(rules, alert)) {
      sources.put(alert.fingerprint(), alert);
    }
  }

  /** An alert deleted from the store. */
  public void remove(String tenant, String fingerprint) {
    Map<String, Alert> sources = byTenant.get(tenant);
    if (sources != null) {
      sources.remove(fingerprint);
    }
  }

  /** The tenant's rules changed: build again on next use. */
  public void forget(String tenant) {
    byTenant.remove(tenant);
  }

  public void clear() {
    byTenant.clear();
  }

  private static boolean isSource(List<InhibitRule> rules, Alert alert) {
    for (InhibitRule rule : rules) {
      if (rule.source().matches(alert.labels())) {
        return true;
      }
    }
    return false;
  }
}
