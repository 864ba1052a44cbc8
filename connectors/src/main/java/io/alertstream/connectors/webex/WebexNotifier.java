package io.alertstream.connectors.webex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.receivers.webex.WebexConfig;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.FieldRendering;
import io.alertstream.connectors.rendering.JsonFields;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A Webex message as Alertmanager posts it to the messages API: markdown text and the room, the
 * bot's token in the Authorization header from http_config.
 */
public final class WebexNotifier implements Notifier<WebexConfig> {

  /** Webex's limit on a message, in bytes (UTF-8). */
  static final int MAX_MESSAGE_BYTES = 7439;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String type() {
    return "webex";
  }

  @Override
  public Class<WebexConfig> settingsType() {
    return WebexConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, WebexConfig webex, TemplateSet templates) {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    String message = r.field("message", webex.message(), WebexConfig.DEFAULT_MESSAGE);
    ObjectNode body = JSON.createObjectNode();
    body.put("markdown", truncateInBytes(message, MAX_MESSAGE_BYTES));
    JsonFields.putIfNotEmpty(body, "roomId", r.field("room_id", webex.roomId(), ""));
    return new Prepared(
        Outbound.HttpCall.post(
            webex.apiUrl(),
            Outbound.HttpCall.jsonHeaders(Map.of()),
            body.toString().getBytes(StandardCharsets.UTF_8),
            webex.http(),
            List.of(),
            Outbound.AnswerCheck.retrying()),
        r.problems());
  }

  /**
   * Alertmanager's {@code TruncateInBytes}: text longer than {@code max} UTF-8 bytes keeps the
   * longest run of whole characters that fits in {@code max - 3} bytes and ends in an ellipsis.
   */
  static String truncateInBytes(String text, int max) {
    if (text.getBytes(StandardCharsets.UTF_8).length <= max) {
      return text;
    }
    if (max <= 3) {
      return max == 3 ? "…" : ".".repeat(max);
    }
    int budget = max - 3;
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > budget) {
        break;
      }
      bytes += size;
      end += Character.charCount(cp);
    }
    return text.substring(0, end) + "…";
  }
}
