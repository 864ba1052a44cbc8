package io.alertstream.topology.history;

import io.alertstream.schemas.DeliveryOutcome;
import io.alertstream.schemas.DeliveryResult;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotifiedAlert;
import io.alertstream.topology.nflog.NotificationLogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A notification the topology emitted, kept for the tenant's "recent notifications" with what the
 * connector reported of its delivery.
 *
 * @param groupKey the group it was made for
 * @param alerts up to ten of its alerts, described
 * @param fingerprints all its alerts' fingerprints (explain finds an alert's notifications by
 *     them); empty in records kept before they were
 * @param outcome {@code pending} until the connector reports; then {@code delivered}, {@code
 *     failed} (dead-lettered) or {@code dry-run}
 */
public record NotificationRecord(
    String id,
    String groupKey,
    String receiver,
    String integration,
    int index,
    String reason,
    String status,
    List<String> alerts,
    long createdAt,
    String outcome,
    String outcomeReason,
    long outcomeAt,
    int attempts,
    List<String> fingerprints) {

  static final int LISTED_ALERTS = 10;

  public NotificationRecord {
    alerts = List.copyOf(alerts);
    fingerprints = fingerprints == null ? List.of() : List.copyOf(fingerprints);
  }

  public static NotificationRecord emitted(Notification n) {
    List<String> names =
        n.getAlerts().stream().limit(LISTED_ALERTS).map(NotificationRecord::describe).toList();
    return new NotificationRecord(
        n.getId(),
        n.getGroupKey(),
        n.getReceiver(),
        n.getIntegration().getType(),
        n.getIntegration().getIndex(),
        n.getReason().name().toLowerCase(Locale.ROOT),
        n.getStatus().name().toLowerCase(Locale.ROOT),
        names,
        n.getCreatedAt().toEpochMilli(),
        "pending",
        "",
        0,
        0,
        n.getAlerts().stream().map(NotifiedAlert::getFingerprint).toList());
  }

  /**
   * The record of a notification whose emitted record was lost (it waited in memory for the outcome
   * when the instance crashed), rebuilt from what the notification log kept: its alerts'
   * fingerprints and its time, without the descriptions of its alerts and its reason.
   */
  public static NotificationRecord recovered(
      DeliveryOutcome report, NotificationLogEntry.Sent sent) {
    List<String> fingerprints = new ArrayList<>(sent.firing());
    fingerprints.addAll(sent.resolved());
    return new NotificationRecord(
        report.getNotificationId(),
        report.getGroupKey(),
        report.getReceiver(),
        report.getIntegrationType(),
        report.getIntegrationIndex(),
        "",
        sent.firing().isEmpty() ? "resolved" : "firing",
        List.of(),
        sent.timestamp(),
        "pending",
        "",
        0,
        0,
        fingerprints);
  }

  /** The connector has not reported yet. */
  public boolean awaitsOutcome() {
    return "pending".equals(outcome);
  }

  private static String describe(NotifiedAlert a) {
    String name = a.getLabels().getOrDefault("alertname", "");
    return name + " " + a.getLabels() + " (" + a.getStatus().name().toLowerCase(Locale.ROOT) + ")";
  }

  public NotificationRecord withOutcome(DeliveryOutcome report) {
    return new NotificationRecord(
        id,
        groupKey,
        receiver,
        integration,
        index,
        reason,
        status,
        alerts,
        createdAt,
        outcomeName(report.getOutcome()),
        report.getReason(),
        report.getFinishedAt().toEpochMilli(),
        report.getAttempts(),
        fingerprints);
  }

  private static String outcomeName(DeliveryResult result) {
    return switch (result) {
      case DELIVERED -> "delivered";
      case DRY_RUN -> "dry-run";
      case DEAD_LETTERED -> "failed";
    };
  }
}
