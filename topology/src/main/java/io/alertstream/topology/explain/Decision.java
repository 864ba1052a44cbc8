package io.alertstream.topology.explain;

import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotifiedAlert;
import java.util.List;
import java.util.Locale;

/**
 * One thing the topology decided about one alert, in plain words, with what it refers to; or, for a
 * notification, about all the alerts it carries.
 *
 * @param fingerprint the alert's; empty in a notification's decision
 * @param kind what happened: {@code routed-nowhere}, {@code inhibited}, {@code silenced}, {@code
 *     muted}, {@code deduplicated}, {@code notified}
 * @param text the decision in plain words
 * @param ref the silence id, inhibiting fingerprint, time interval or notification id it names
 * @param alerts in a notification's decision ({@code notified}), the fingerprints of its alerts;
 *     empty otherwise
 */
public record Decision(
    long at, String fingerprint, String kind, String text, String ref, List<String> alerts) {

  public Decision {
    alerts = alerts == null ? List.of() : List.copyOf(alerts);
  }

  /** A decision about one alert. */
  public Decision(long at, String fingerprint, String kind, String text, String ref) {
    this(at, fingerprint, kind, text, ref, List.of());
  }

  /** The decisions it stands for, one per alert: itself, or one per alert of a notification's. */
  public List<Decision> perAlert() {
    return alerts.isEmpty()
        ? List.of(this)
        : alerts.stream().map(fp -> new Decision(at, fp, kind, text, ref)).toList();
  }

  /**
   * The decision a notification stands for, for all its alerts: the topology emits the notification
   * only (on its integration's topic); readers make the decision from it.
   */
  public static Decision notified(Notification n) {
    return new Decision(
        n.getCreatedAt().toEpochMilli(),
        "",
        NOTIFIED,
        notifiedText(
            n.getReceiver(),
            n.getIntegration().getType(),
            n.getReason().name(),
            n.getStatus().name(),
            n.getId()),
        n.getId(),
        n.getAlerts().stream().map(NotifiedAlert::getFingerprint).toList());
  }

  /** A notification's decision in plain words. */
  public static String notifiedText(
      String receiver, String integration, String reason, String status, String id) {
    return "notified "
        + receiver
        + " via "
        + integration
        + " ("
        + reason.toLowerCase(Locale.ROOT).replace('_', ' ')
        + ", "
        + status.toLowerCase(Locale.ROOT)
        + "), notification "
        + id;
  }

  public static final String ROUTED_NOWHERE = "routed-nowhere";
  public static final String INHIBITED = "inhibited";
  public static final String SILENCED = "silenced";
  public static final String MUTED = "muted";
  public static final String DEDUPLICATED = "deduplicated";
  public static final String NOTIFIED = "notified";
}
