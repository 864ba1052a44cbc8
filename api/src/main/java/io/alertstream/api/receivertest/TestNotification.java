package io.alertstream.api.receivertest;

import io.alertstream.config.receivers.Integration;
import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.IntegrationRef;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotificationReason;
import io.alertstream.schemas.NotifiedAlert;
import io.alertstream.topology.alerts.Fingerprint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The firing alert a receiver test sends: {@code alertname="TestAlert"} unless the request gives
 * its own labels, and a summary saying it is a test, in a group of its own.
 *
 * @param labels the test alert's labels
 * @param annotations its annotations
 */
public record TestNotification(Map<String, String> labels, Map<String, String> annotations) {

  /** The alert sent when the request names none. */
  public static final TestNotification DEFAULT =
      new TestNotification(
          Map.of("alertname", "TestAlert", "instance", "alertstream"),
          Map.of(
              "summary", "Notification test",
              "description", "A test notification sent by Alertstream's receiver test."));

  public TestNotification {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  /** The notification to one integration; its id is new each time, so no endpoint dedups it. */
  Notification to(
      String tenant,
      String receiver,
      Integration integration,
      long configVersion,
      String externalUrl,
      Instant now) {
    NotifiedAlert alert =
        NotifiedAlert.newBuilder()
            .setStatus(AlertStatus.FIRING)
            .setLabels(new TreeMap<>(labels))
            .setAnnotations(new TreeMap<>(annotations))
            .setStartsAt(now)
            .setEndsAt(null)
            .setGeneratorURL("")
            .setFingerprint(Fingerprint.of(labels))
            .build();
    Map<String, String> groupLabels = new LinkedHashMap<>();
    if (labels.containsKey("alertname")) {
      groupLabels.put("alertname", labels.get("alertname"));
    }
    return Notification.newBuilder()
        .setId(tenant + "-test-" + UUID.randomUUID())
        .setTenant(tenant)
        .setReceiver(receiver)
        .setIntegration(
            new IntegrationRef(integration.type(), integration.index(), integration.id()))
        .setReason(NotificationReason.FIRST)
        .setConfigVersion(configVersion)
        .setStatus(AlertStatus.FIRING)
        .setGroupKey("{}/receiver-test:" + groupLabels)
        .setGroupLabels(groupLabels)
        .setCommonLabels(new TreeMap<>(labels))
        .setCommonAnnotations(new TreeMap<>(annotations))
        .setExternalURL(externalUrl)
        .setAlerts(List.of(alert))
        .setTruncatedAlerts(0)
        .setCreatedAt(now)
        .build();
  }
}
