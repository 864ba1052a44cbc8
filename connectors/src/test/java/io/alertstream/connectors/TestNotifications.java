package io.alertstream.connectors;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.receivers.Integration;
import io.alertstream.connectors.rendering.TenantTemplates;
import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.IntegrationRef;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotificationReason;
import io.alertstream.schemas.NotifiedAlert;
import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Notifications for connector unit tests. */
public final class TestNotifications {

  private TestNotifications() {}

  public static NotifiedAlert alert(
      Map<String, String> labels, Map<String, String> annotations, boolean firing) {
    return NotifiedAlert.newBuilder()
        .setStatus(firing ? AlertStatus.FIRING : AlertStatus.RESOLVED)
        .setLabels(labels)
        .setAnnotations(annotations)
        .setStartsAt(Instant.parse("2026-03-01T11:00:00Z"))
        .setEndsAt(firing ? null : Instant.parse("2026-03-01T11:30:00Z"))
        .setGeneratorURL("http://prom/graph")
        .setFingerprint("0123456789abcdef")
        .build();
  }

  /**
   * A notification to the first integration of the given type of receiver "team-x", without an
   * integration id: see {@link #naming}.
   */
  public static Notification of(
      String type,
      Map<String, String> groupLabels,
      Map<String, String> commonLabels,
      List<NotifiedAlert> alerts) {
    boolean firing = alerts.stream().anyMatch(a -> a.getStatus() == AlertStatus.FIRING);
    return Notification.newBuilder()
        .setId("acme-n-1")
        .setTenant("acme")
        .setReceiver("team-x")
        .setIntegration(new IntegrationRef(type, 0, ""))
        .setReason(NotificationReason.FIRST)
        .setConfigVersion(1)
        .setStatus(firing ? AlertStatus.FIRING : AlertStatus.RESOLVED)
        .setGroupKey("{}:{alertname=\"DiskFull\"}")
        .setGroupLabels(groupLabels)
        .setCommonLabels(commonLabels)
        .setCommonAnnotations(Map.of())
        .setExternalURL("http://alertstream:9093")
        .setAlerts(alerts)
        .setCreatedAt(Instant.parse("2026-03-01T12:00:00Z"))
        .build();
  }

  /** The notification, naming receiver team-x's first integration of its type in the config. */
  public static Notification naming(Notification n, AlertmanagerConfig config) {
    Integration integration = first(config, n.getIntegration().getType());
    return Notification.newBuilder(n)
        .setIntegration(
            new IntegrationRef(integration.type(), integration.index(), integration.id()))
        .build();
  }

  /** The settings of receiver team-x's first integration of the type. */
  public static <C> C settings(AlertmanagerConfig config, String type, Class<C> settingsType) {
    return first(config, type).settings(settingsType);
  }

  private static Integration first(AlertmanagerConfig config, String type) {
    return config.receiver("team-x").orElseThrow().integrations().stream()
        .filter(i -> i.type().equals(type))
        .findFirst()
        .orElseThrow();
  }

  /** One firing DiskFull alert for the given integration type, grouped by alertname. */
  public static Notification diskFull(String type) {
    return of(
        type,
        Map.of("alertname", "DiskFull"),
        Map.of("alertname", "DiskFull"),
        List.of(alert(Map.of("alertname", "DiskFull"), Map.of(), true)));
  }

  /**
   * A tenant's templates that define the built-in names the defaults are made of: {@code __subject}
   * is "S:" and the alertname, {@code __alertmanager} "Team AM", {@code __alertmanagerURL}
   * https://am.team.example, {@code __text_alert_list} the number of alerts.
   */
  public static TemplateSet overridingBuiltIns() throws TemplateException {
    return TenantTemplates.of(
        Map.of(
            "team.tmpl",
            "{{ define \"__subject\" }}S:{{ .CommonLabels.alertname }}{{ end }}"
                + "{{ define \"__alertmanager\" }}Team AM{{ end }}"
                + "{{ define \"__alertmanagerURL\" }}https://am.team.example{{ end }}"
                + "{{ define \"__text_alert_list\" }}{{ len . }} alerts{{ end }}"));
  }
}
