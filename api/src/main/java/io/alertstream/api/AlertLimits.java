package io.alertstream.api;

import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.AlertQuota;
import io.alertstream.topology.alerts.Fingerprint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies Mimir's limits on a tenant's alerts ({@link AlertQuota}) to a posted batch: alerts the
 * tenant already holds are accepted, new ones while the tenant stays within its limits.
 */
final class AlertLimits {

  /** What to store, and why the rest is refused. */
  record Decision(List<AlertEvent> accepted, List<String> refused) {}

  private AlertLimits() {}

  static boolean enabled(TenantLimits limits) {
    return AlertQuota.enabled(limits);
  }

  static Decision apply(TenantLimits limits, List<Alert> held, List<AlertEvent> posted) {
    Set<String> known = new HashSet<>();
    long size = 0;
    for (Alert a : held) {
      known.add(a.fingerprint());
      size += AlertQuota.size(a.labels(), a.annotations());
    }
    int count = known.size();
    List<AlertEvent> accepted = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (AlertEvent alert : posted) {
      String fingerprint = Fingerprint.of(alert.getLabels());
      if (known.contains(fingerprint)) {
        accepted.add(alert);
        continue;
      }
      long alertSize = AlertQuota.size(alert.getLabels(), alert.getAnnotations());
      Optional<String> refusal =
          AlertQuota.refusal(limits, count, size, alert.getLabels(), alertSize);
      if (refusal.isPresent()) {
        refused.add(refusal.get());
      } else {
        accepted.add(alert);
        known.add(fingerprint);
        count++;
        size += alertSize;
      }
    }
    return new Decision(accepted, refused);
  }
}
