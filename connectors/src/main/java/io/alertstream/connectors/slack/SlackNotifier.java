package io.alertstream.connectors.slack;

import static io.alertstream.connectors.rendering.JsonFields.putIfNotEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.receivers.SlackConfig;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.FieldRendering;
import io.alertstream.connectors.rendering.GoText;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A Slack message as Alertmanager sends it: one attachment with title, link, text, fields, actions
 * and colour, to an incoming webhook, or to chat.postMessage with a bot token in http_config.
 */
public final class SlackNotifier implements Notifier<SlackConfig> {

  /** Alertmanager cuts titles longer than this many characters. */
  static final int MAX_TITLE_RUNES = 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Alertmanager's defaults, the fallback for a setting that cannot be rendered. */
  private static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("title", "{{ template \"slack.default.title\" . }}"),
          Map.entry("title_link", "{{ template \"slack.default.titlelink\" . }}"),
          Map.entry("username", "{{ template \"slack.default.username\" . }}"),
          Map.entry("fallback", "{{ template \"slack.default.fallback\" . }}"),
          Map.entry("color", "{{ if eq .Status \"firing\" }}danger{{ else }}good{{ end }}"));

  @Override
  public String type() {
    return "slack";
  }

  @Override
  public Class<SlackConfig> settingsType() {
    return SlackConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, SlackConfig slack, TemplateSet templates) {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    Map<String, String> f = slack.fields();

    ObjectNode attachment = JSON.createObjectNode();
    putIfNotEmpty(
        attachment, "title", GoText.truncateInRunes(render(r, f, "title"), MAX_TITLE_RUNES));
    putIfNotEmpty(attachment, "title_link", render(r, f, "title_link"));
    putIfNotEmpty(attachment, "pretext", render(r, f, "pretext"));
    attachment.put("text", render(r, f, "text"));
    attachment.put("fallback", render(r, f, "fallback"));
    attachment.put("callback_id", render(r, f, "callback_id"));
    if (!slack.attachmentFields().isEmpty()) {
      ArrayNode fields = attachment.putArray("fields");
      boolean shortDefault = Boolean.parseBoolean(f.getOrDefault("short_fields", "false"));
      for (SlackConfig.Field field : slack.attachmentFields()) {
        ObjectNode out = fields.addObject();
        putIfNotEmpty(out, "title", r.field("fields.title", field.title(), ""));
        putIfNotEmpty(out, "value", r.field("fields.value", field.value(), ""));
        out.put("short", field.isShort().orElse(shortDefault));
      }
    }
    if (!slack.actions().isEmpty()) {
      ArrayNode actions = attachment.putArray("actions");
      for (SlackConfig.Action action : slack.actions()) {
        ObjectNode out = actions.addObject();
        putIfNotEmpty(out, "type", r.field("actions.type", action.type(), ""));
        putIfNotEmpty(out, "text", r.field("actions.text", action.text(), ""));
        putIfNotEmpty(out, "url", r.field("actions.url", action.url(), ""));
        putIfNotEmpty(out, "style", r.field("actions.style", action.style(), ""));
        if (action.url().isEmpty()) {
          putIfNotEmpty(out, "name", r.field("actions.name", action.name(), ""));
          putIfNotEmpty(out, "value", r.field("actions.value", action.value(), ""));
        }
      }
    }
    putIfNotEmpty(attachment, "image_url", render(r, f, "image_url"));
    putIfNotEmpty(attachment, "thumb_url", render(r, f, "thumb_url"));
    attachment.put("footer", render(r, f, "footer"));
    putIfNotEmpty(attachment, "color", render(r, f, "color"));
    if (!slack.mrkdwnIn().isEmpty()) {
      ArrayNode mrkdwn = attachment.putArray("mrkdwn_in");
      slack.mrkdwnIn().forEach(mrkdwn::add);
    }

    ObjectNode body = JSON.createObjectNode();
    putIfNotEmpty(body, "channel", render(r, f, "channel"));
    putIfNotEmpty(body, "username", render(r, f, "username"));
    putIfNotEmpty(body, "icon_emoji", render(r, f, "icon_emoji"));
    putIfNotEmpty(body, "icon_url", render(r, f, "icon_url"));
    if (Boolean.parseBoolean(f.getOrDefault("link_names", "false"))) {
      body.put("link_names", true);
    }
    putIfNotEmpty(body, "text", render(r, f, "message_text"));
    body.putArray("attachments").add(attachment);

    return new Prepared(
        Outbound.HttpCall.post(
            slack.apiUrl(),
            Outbound.HttpCall.jsonHeaders(Map.of()),
            body.toString().getBytes(StandardCharsets.UTF_8),
            slack.http(),
            List.of(),
            SlackNotifier::checkAnswer),
        r.problems());
  }

  private static String render(FieldRendering r, Map<String, String> fields, String name) {
    return r.field(name, fields.getOrDefault(name, ""), DEFAULTS.getOrDefault(name, ""));
  }

  /**
   * Slack's Web API answers 200 with {@code "ok": false} when it refuses a message (bad token,
   * unknown channel); that is a failure, not a delivery (as Alertmanager 0.26 and later treat it;
   * 0.25 counted it as delivered).
   */
  static AttemptResult checkAnswer(int status, String body) {
    if (status / 100 != 2 || body == null || !body.stripLeading().startsWith("{")) {
      return null;
    }
    try {
      JsonNode answer = JSON.readTree(body);
      if (answer.path("ok").isBoolean() && !answer.path("ok").asBoolean()) {
        return new AttemptResult.Failed(
            "Slack refused the message: " + answer.path("error").asText("no error given"));
      }
    } catch (java.io.IOException e) {
      return null;
    }
    return null;
  }
}
