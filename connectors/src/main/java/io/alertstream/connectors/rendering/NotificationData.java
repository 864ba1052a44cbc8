package io.alertstream.connectors.rendering;

import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotifiedAlert;
import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.KV;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A notification as Alertmanager's templates see it. The receiver is regex-quoted, as Alertmanager
 * passes it.
 */
public final class NotificationData {

  private NotificationData() {}

  public static AlertmanagerData of(Notification n) {
    return new AlertmanagerData(
        GoText.quoteMeta(n.getReceiver()),
        status(n.getStatus()),
        new AlertmanagerData.Alerts(n.getAlerts().stream().map(NotificationData::alert).toList()),
        reason(n),
        new KV(n.getGroupLabels()),
        new KV(n.getCommonLabels()),
        new KV(n.getCommonAnnotations()),
        new KV(Map.of()),
        n.getExternalURL());
  }

  /**
   * Alertmanager's {@code .NotificationReason}. A resolution is "all alerts resolved" when nothing
   * fires any more, else "some alerts resolved", as Alertmanager's dedup stage tells them apart.
   */
  static String reason(Notification n) {
    if (n.getReason() == null) {
      return "unknown";
    }
    return switch (n.getReason()) {
      case FIRST -> "first notification";
      case NEW_ALERTS -> "new alerts added";
      case RESOLVED ->
          n.getStatus() == AlertStatus.RESOLVED ? "all alerts resolved" : "some alerts resolved";
      case REPEAT -> "repeat interval elapsed";
    };
  }

  private static AlertmanagerData.Alert alert(NotifiedAlert a) {
    return new AlertmanagerData.Alert(
        status(a.getStatus()),
        new KV(a.getLabels()),
        new KV(a.getAnnotations()),
        a.getStartsAt(),
        Optional.ofNullable(a.getEndsAt()),
        a.getGeneratorURL(),
        a.getFingerprint());
  }

  private static String status(AlertStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
