package io.alertstream.topology.alerts;

import io.alertstream.config.tenant.TenantLimits;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Mimir's limits on a tenant's alerts: an alert the tenant does not hold yet is refused when it
 * would take the tenant past {@code alertmanager_max_alerts_count} alerts or {@code
 * alertmanager_max_alerts_size_bytes} of labels and annotations; alerts it already holds are always
 * taken, so firing alerts keep being updated and can resolve. The API applies it to what is posted,
 * the topology to what any producer writes.
 */
public final class AlertQuota {

  private AlertQuota() {}

  public static boolean enabled(TenantLimits limits) {
    return limits.maxAlertsCount() > 0 || limits.maxAlertsSizeBytes() > 0;
  }

  /** What an alert counts against {@code alertmanager_max_alerts_size_bytes}. */
  public static long size(Map<String, String> labels, Map<String, String> annotations) {
    return size(labels) + size(annotations);
  }

  /**
   * Why a new alert may not join the tenant's {@code heldCount} alerts of {@code heldBytes}, or
   * empty when it may.
   */
  public static Optional<String> refusal(
      TenantLimits limits,
      int heldCount,
      long heldBytes,
      Map<String, String> labels,
      long alertBytes) {
    if (limits.maxAlertsCount() > 0 && heldCount + 1 > limits.maxAlertsCount()) {
      return Optional.of(
          "alert "
              + labels
              + " refused: the tenant has reached its limit of "
              + limits.maxAlertsCount()
              + " alerts (alertmanager_max_alerts_count)");
    }
    if (limits.maxAlertsSizeBytes() > 0 && heldBytes + alertBytes > limits.maxAlertsSizeBytes()) {
      return Optional.of(
          "alert "
              + labels
              + " refused: the tenant's alerts would exceed "
              + limits.maxAlertsSizeBytes()
              + " bytes (alertmanager_max_alerts_size_bytes)");
    }
    return Optional.empty();
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
