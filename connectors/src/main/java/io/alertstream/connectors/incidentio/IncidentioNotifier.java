package io.alertstream.connectors.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.receivers.incidentio.IncidentioConfig;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.webhook.WebhookPayload;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An incident.io alert event as Alertmanager sends it: the webhook payload (template data, group
 * key, truncated alert count) with version 1, cut to max_alerts, and to its first alert when it
 * exceeds incident.io's 512 KiB limit.
 */
public final class IncidentioNotifier implements Notifier<IncidentioConfig> {

  /** The largest payload incident.io accepts. */
  static final int MAX_PAYLOAD_BYTES = 512 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Outbound.AnswerCheck STATUS = Outbound.AnswerCheck.retrying(429);

  @Override
  public String type() {
    return "incidentio";
  }

  @Override
  public Class<IncidentioConfig> settingsType() {
    return IncidentioConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, IncidentioConfig settings, TemplateSet templates) {
    return new Prepared(
        Outbound.HttpCall.post(
            settings.url(),
            Outbound.HttpCall.jsonHeaders(Map.of()),
            payload(n, settings.maxAlerts()),
            settings.http(),
            List.of(new Secret(settings.url().toString())),
            IncidentioNotifier::checkAnswer),
        List.of());
  }

  /** The payload, its first alert only when the whole would be too large. */
  static byte[] payload(Notification n, int maxAlerts) {
    try {
      ObjectNode body = (ObjectNode) JSON.readTree(WebhookPayload.render(n, maxAlerts));
      body.put("version", "1");
      byte[] bytes = JSON.writeValueAsBytes(body);
      if (bytes.length <= MAX_PAYLOAD_BYTES || body.path("alerts").size() <= 1) {
        return bytes;
      }
      JsonNode first = body.path("alerts").get(0);
      ArrayNode alerts = body.putArray("alerts");
      alerts.add(first);
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException("the webhook payload is always JSON", e);
    }
  }

  /**
   * Alertmanager's retrier with 429 retried (5xx too, with Retry-After), any other non-2xx a
   * failure whose reason is incident.io's message, error and errors.
   */
  static AttemptResult checkAnswer(int status, String body) {
    if (STATUS.check(status, body) == null) {
      return null;
    }
    String details = details(body);
    return new AttemptResult.Failed(
        "unexpected status code " + status + (details.isEmpty() ? "" : ": " + details), status);
  }

  private static String details(String body) {
    JsonNode answer;
    try {
      answer = JSON.readTree(body == null ? "" : body);
    } catch (IOException e) {
      return "";
    }
    if (answer == null || !answer.isObject()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    addIfText(parts, answer.path("message"));
    addIfText(parts, answer.path("error"));
    List<String> errors = new ArrayList<>();
    answer.path("errors").forEach(e -> addIfText(errors, e));
    if (!errors.isEmpty()) {
      parts.add(String.join(", ", errors));
    }
    return String.join(": ", parts);
  }

  private static void addIfText(List<String> parts, JsonNode node) {
    if (node.isTextual() && !node.asText().isEmpty()) {
      parts.add(node.asText());
    }
  }
}
