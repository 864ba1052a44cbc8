package io.alertstream.api;

import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mimir's limits on a tenant's alerts: a posted alert the tenant does not hold yet is refused when
 * it would take the tenant past {@code alertmanager_max_alerts_count} alerts or {@code
 * alertmanager_max_alerts_size_bytes} of labels and annotations; alerts it already holds are always
 * accepted, so firing alerts keep being updated and can resolve.
 */
final class AlertLimits {

  /** What to store, and why the rest is refused. */
  record Decision(List<AlertEvent> accepted, List<String> refused) {}

  private AlertLimits() {}

  static boolean enabled(TenantLimits limits) {
    return limits.maxAlertsCount() > 0 || limits.maxAlertsSizeBytes() > 0;
  }

  static Decision apply(TenantLimits limits, List<Alert> held, List<AlertEvent> posted) {
    Set<String> known = new HashSet<>();
    long size = 0;
    for (Alert a : held) {
      known.add(a.fingerprint());
      size += size(a.labels()) + size(a.annotations());
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
      long alertSize = size(alert.getLabels()) + size(alert.getAnnotations());
      if (limits.maxAlertsCount() > 0 && count + 1 > limits.maxAlertsCount()) {
        refused.add(
            "alert "
                + alert.getLabels()
                + " refused: the tenant has reached its limit of "
                + limits.maxAlertsCount()
                + " alerts (alertmanager_max_alerts_count)");
      } else if (limits.maxAlertsSizeBytes() > 0
          && size + alertSize > limits.maxAlertsSizeBytes()) {
        refused.add(
            "alert "
                + alert.getLabels()
                + " refused: the tenant's alerts would exceed "
                + limits.maxAlertsSizeBytes()
                + " bytes (alertmanager_max_alerts_size_bytes)");
      } else {
        accepted.add(alert);
        known.add(fingerprint);
        count++;
        size += alertSize;
      }
    }
    return new Decision(accepted, refused);
  }

  private static long size(Map<String, String> pairs) {
    long bytes = 0;
    for (Map.Entry<String, String> e : pairs.entrySet()) {
      bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      bytes += e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }
}
