package io.alertstream.connectors.mattermost;

import static io.alertstream.connectors.rendering.JsonFields.putIfNotEmpty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.receivers.mattermost.MattermostConfig;
import io.alertstream.config.receivers.mattermost.MattermostIntegration;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.FieldRendering;
import io.alertstream.connectors.rendering.GoText;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Mattermost incoming-webhook message as Alertmanager sends it: one attachment made of the
 * settings (or the configured attachments, with the text on the message), optional props card and
 * priority.
 */
public final class MattermostNotifier implements Notifier<MattermostConfig> {

  /** Alertmanager cuts the message text longer than this many characters (Mattermost's limit). */
  static final int MAX_TEXT_RUNES = 16383;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String type() {
    return "mattermost";
  }

  @Override
  public Class<MattermostConfig> settingsType() {
    return MattermostConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, MattermostConfig settings, TemplateSet templates) {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    Map<String, String> t = settings.texts();
    String text = render(r, t, "text");

    ObjectNode body = JSON.createObjectNode();
    String messageText = settings.attachments().isEmpty() ? "" : text;
    putIfNotEmpty(body, "text", GoText.truncateInRunes(messageText, MAX_TEXT_RUNES));
    putIfNotEmpty(body, "channel", render(r, t, "channel"));
    putIfNotEmpty(body, "username", render(r, t, "username"));
    putIfNotEmpty(body, "icon_url", render(r, t, "icon_url"));
    putIfNotEmpty(body, "icon_emoji", render(r, t, "icon_emoji"));
    ArrayNode attachments = body.putArray("attachments");
    if (settings.attachments().isEmpty()) {
      Map<String, String> own = new java.util.HashMap<>(t);
      own.put("text", text);
      attachment(attachments.addObject(), r, own, settings.fields(), true);
    } else {
      for (MattermostConfig.Attachment a : settings.attachments()) {
        attachment(attachments.addObject(), r, a.texts(), a.fields(), false);
      }
    }
    putIfNotEmpty(body, "type", render(r, t, "type"));
    if (!settings.propsCard().isEmpty()) {
      String card = r.field("props.card", settings.propsCard(), "");
      ObjectNode props = body.putObject("props");
      putIfNotEmpty(props, "card", card);
    }
    settings
        .priority()
        .ifPresent(
            p -> priority(body.putObject("priority"), r.field("priority", p.priority(), ""), p));

    return new Prepared(
        Outbound.HttpCall.post(
            settings.webhookUrl(),
            Outbound.HttpCall.jsonHeaders(Map.of()),
            body.toString().getBytes(StandardCharsets.UTF_8),
            settings.http(),
            List.of(new Secret(settings.webhookUrl().toString())),
            Outbound.AnswerCheck.retrying()),
        r.problems());
  }

  /**
   * @param fromSettings whether the texts are the config's own (their defaults apply) rather than a
   *     configured attachment's
   */
  private static void attachment(
      ObjectNode out,
      FieldRendering r,
      Map<String, String> texts,
      List<MattermostConfig.Field> fields,
      boolean fromSettings) {
    for (String key : List.of("fallback", "color", "pretext")) {
      putIfNotEmpty(out, key, text(r, texts, key, fromSettings));
    }
    putIfNotEmpty(out, "text", fromSettings ? texts.get("text") : text(r, texts, "text", false));
    for (String key : List.of("author_name", "author_link", "author_icon", "title", "title_link")) {
      putIfNotEmpty(out, key, text(r, texts, key, fromSettings));
    }
    if (!fields.isEmpty()) {
      ArrayNode array = out.putArray("fields");
      for (MattermostConfig.Field field : fields) {
        ObjectNode f = array.addObject();
        putIfNotEmpty(f, "title", r.field("fields.title", field.title(), ""));
        putIfNotEmpty(f, "value", r.field("fields.value", field.value(), ""));
        field.isShort().ifPresent(s -> f.put("short", s));
      }
    }
    for (String key : List.of("thumb_url", "footer", "footer_icon", "image_url")) {
      putIfNotEmpty(out, key, text(r, texts, key, fromSettings));
    }
  }

  private static String text(
      FieldRendering r, Map<String, String> texts, String key, boolean fromSettings) {
    return fromSettings
        ? render(r, texts, key)
        : r.field("attachments." + key, texts.getOrDefault(key, ""), "");
  }

  /**
   * Mattermost's rules, applied as Alertmanager applies them: an unknown priority becomes standard,
   * an acknowledgement is only asked for above standard, persistent notifications only for urgent.
   */
  private static void priority(ObjectNode out, String rendered, MattermostConfig.Priority p) {
    String priority = rendered.toLowerCase(Locale.ROOT);
    if (!List.of("urgent", "important", "standard").contains(priority)) {
      priority = "standard";
    }
    out.put("priority", priority);
    if (p.requestedAck() && !priority.equals("standard")) {
      out.put("requested_ack", true);
    }
    if (p.persistentNotifications() && priority.equals("urgent")) {
      out.put("persistent_notifications", true);
    }
  }

  private static String render(FieldRendering r, Map<String, String> texts, String key) {
    return r.field(
        key, texts.getOrDefault(key, ""), MattermostIntegration.DEFAULTS.getOrDefault(key, ""));
  }
}
