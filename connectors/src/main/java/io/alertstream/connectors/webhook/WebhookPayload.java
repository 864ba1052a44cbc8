package io.alertstream.connectors.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.connectors.rendering.GoText;
import io.alertstream.schemas.AlertStatus;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotifiedAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Alertmanager's webhook payload, version 4, with its field order, map keys sorted as Go's JSON
 * encoder sorts them, Go's zero time for a firing alert's endsAt, and the receiver name
 * regex-quoted as Alertmanager 0.25 sends it.
 */
public final class WebhookPayload {

  static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookPayload() {}

  /**
   * @param maxAlerts the integration's max_alerts: 0 sends all, otherwise the first {@code
   *     maxAlerts} and the rest counted in truncatedAlerts. As in Alertmanager 0.25, which cuts the
   *     alerts before it builds the template data, status, commonLabels and commonAnnotations then
   *     describe the alerts sent, not the whole group; groupLabels stay the group's.
   */
  public static byte[] render(Notification n, int maxAlerts) {
    List<NotifiedAlert> alerts = n.getAlerts();
    int kept = maxAlerts > 0 ? Math.min(maxAlerts, alerts.size()) : alerts.size();
    List<NotifiedAlert> sent = alerts.subList(0, kept);
    boolean truncated = kept < alerts.size();
    List<Map<String, Object>> rendered = new ArrayList<>(kept);
    for (NotifiedAlert alert : sent) {
      rendered.add(alert(alert));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("receiver", GoText.quoteMeta(n.getReceiver()));
    body.put("status", status(truncated ? statusOf(sent) : n.getStatus()));
    body.put("alerts", rendered);
    body.put("groupLabels", new TreeMap<>(n.getGroupLabels()));
    body.put(
        "commonLabels",
        truncated ? common(sent, NotifiedAlert::getLabels) : new TreeMap<>(n.getCommonLabels()));
    body.put(
        "commonAnnotations",
        truncated
            ? common(sent, NotifiedAlert::getAnnotations)
            : new TreeMap<>(n.getCommonAnnotations()));
    body.put("externalURL", n.getExternalURL());
    body.put("version", "4");
    body.put("groupKey", n.getGroupKey());
    body.put("truncatedAlerts", n.getTruncatedAlerts() + alerts.size() - kept);
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always encodes", e);
    }
  }

  /** Firing while any of the alerts fires. */
  private static AlertStatus statusOf(List<NotifiedAlert> alerts) {
    for (NotifiedAlert a : alerts) {
      if (a.getStatus() == AlertStatus.FIRING) {
        return AlertStatus.FIRING;
      }
    }
    return AlertStatus.RESOLVED;
  }

  /** The pairs all {@code alerts} share; none when there are no alerts. */
  static Map<String, String> common(
      List<NotifiedAlert> alerts, Function<NotifiedAlert, Map<String, String>> pairs) {
    Map<String, String> common = new TreeMap<>();
    if (alerts.isEmpty()) {
      return common;
    }
    common.putAll(pairs.apply(alerts.get(0)));
    for (NotifiedAlert a : alerts.subList(1, alerts.size())) {
      Map<String, String> other = pairs.apply(a);
      common.entrySet().removeIf(e -> !e.getValue().equals(other.get(e.getKey())));
    }
    return common;
  }

  private static Map<String, Object> alert(NotifiedAlert alert) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", status(alert.getStatus()));
    out.put("labels", new TreeMap<>(alert.getLabels()));
    out.put("annotations", new TreeMap<>(alert.getAnnotations()));
    out.put("startsAt", time(alert.getStartsAt()));
    out.put("endsAt", alert.getEndsAt() == null ? GO_ZERO_TIME : time(alert.getEndsAt()));
    out.put("generatorURL", alert.getGeneratorURL());
    out.put("fingerprint", alert.getFingerprint());
    return out;
  }

  private static String status(AlertStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  private static String time(Instant t) {
    return t.toString();
  }
}
