package io.alertstream.connectors.rocketchat;

import static io.alertstream.connectors.rendering.JsonFields.putIfNotEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.receivers.rocketchat.RocketchatConfig;
import io.alertstream.config.receivers.rocketchat.RocketchatIntegration;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.FieldRendering;
import io.alertstream.connectors.rendering.GoText;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Rocket.Chat chat.postMessage as Alertmanager sends it: one attachment with title, link, text,
 * colour, fields and buttons, authenticated by the X-Auth-Token and X-User-Id headers.
 */
public final class RocketchatNotifier implements Notifier<RocketchatConfig> {

  /** Alertmanager cuts titles longer than this many characters. */
  static final int MAX_TITLE_RUNES = 1024;

  static final String POST_MESSAGE = "api/v1/chat.postMessage";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Outbound.AnswerCheck STATUS = Outbound.AnswerCheck.retrying();

  @Override
  public String type() {
    return "rocketchat";
  }

  @Override
  public Class<RocketchatConfig> settingsType() {
    return RocketchatConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, RocketchatConfig settings, TemplateSet templates) {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    Map<String, String> t = settings.texts();

    ObjectNode attachment = JSON.createObjectNode();
    putIfNotEmpty(
        attachment, "title", GoText.truncateInRunes(render(r, t, "title"), MAX_TITLE_RUNES));
    putIfNotEmpty(attachment, "title_link", render(r, t, "title_link"));
    putIfNotEmpty(attachment, "text", render(r, t, "text"));
    putIfNotEmpty(attachment, "image_url", render(r, t, "image_url"));
    putIfNotEmpty(attachment, "thumb_url", render(r, t, "thumb_url"));
    putIfNotEmpty(attachment, "color", render(r, t, "color"));
    if (!settings.fields().isEmpty()) {
      ArrayNode fields = attachment.putArray("fields");
      for (RocketchatConfig.Field field : settings.fields()) {
        ObjectNode out = fields.addObject();
        out.put("short", field.isShort().orElse(settings.shortFields()));
        putIfNotEmpty(out, "title", r.field("fields.title", field.title(), ""));
        putIfNotEmpty(out, "value", r.field("fields.value", field.value(), ""));
      }
    }
    if (!settings.actions().isEmpty()) {
      ArrayNode actions = attachment.putArray("actions");
      for (RocketchatConfig.Action action : settings.actions()) {
        ObjectNode out = actions.addObject();
        out.put("type", "button");
        putIfNotEmpty(out, "text", r.field("actions.text", action.text(), ""));
        putIfNotEmpty(out, "url", r.field("actions.url", action.url(), ""));
        out.put("is_webview", false);
        putIfNotEmpty(out, "msg", r.field("actions.msg", action.msg(), ""));
        out.put("msg_in_chat_window", false);
      }
    }

    ObjectNode body = JSON.createObjectNode();
    putIfNotEmpty(body, "channel", render(r, t, "channel"));
    putIfNotEmpty(body, "emoji", render(r, t, "emoji"));
    putIfNotEmpty(body, "avatar", render(r, t, "icon_url"));
    body.putArray("attachments").add(attachment);

    return new Prepared(
        new Outbound.HttpCall(
            "POST",
            postMessageUrl(settings.apiUrl()),
            Outbound.HttpCall.jsonHeaders(
                Map.of(
                    "X-Auth-Token", settings.token().value(),
                    "X-User-Id", settings.tokenId().value())),
            body.toString().getBytes(StandardCharsets.UTF_8),
            settings.http(),
            List.of(settings.token(), settings.tokenId()),
            RocketchatNotifier::checkAnswer),
        r.problems());
  }

  /** The server URL with {@code api/v1/chat.postMessage} joined to its path, as Go's JoinPath. */
  static URI postMessageUrl(URI server) {
    String path = server.getRawPath() == null ? "" : server.getRawPath();
    String joined = (path.endsWith("/") ? path : path + "/") + POST_MESSAGE;
    String query = server.getRawQuery() == null ? "" : "?" + server.getRawQuery();
    return URI.create(server.getScheme() + "://" + server.getRawAuthority() + joined + query);
  }

  /**
   * Alertmanager's plain retrier (5xx retried, other non-2xx statuses failed, 429 included), then,
   * since the API can refuse with a 2xx: an answer that is not JSON is retried, {@code "success":
   * false} is a failure.
   */
  static AttemptResult checkAnswer(int status, String body) {
    AttemptResult byStatus = STATUS.check(status, body);
    if (byStatus != null || status / 100 != 2) {
      return byStatus;
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(body == null ? "" : body);
    } catch (IOException e) {
      answer = null;
    }
    if (answer != null && answer.isNull()) {
      return new AttemptResult.Failed("error response from Rocketchat: ");
    }
    JsonNode success = answer == null ? null : answer.path("success");
    if (answer == null
        || !answer.isObject()
        || !(success.isMissingNode() || success.isNull() || success.isBoolean())) {
      return new AttemptResult.Retry("Rocket.Chat answered with no JSON object", Optional.empty());
    }
    if (!success.asBoolean(false)) {
      return new AttemptResult.Failed(
          "error response from Rocketchat: " + answer.path("error").asText(""));
    }
    return null;
  }

  private static String render(FieldRendering r, Map<String, String> texts, String key) {
    return r.field(
        key, texts.getOrDefault(key, ""), RocketchatIntegration.DEFAULTS.getOrDefault(key, ""));
  }
}
