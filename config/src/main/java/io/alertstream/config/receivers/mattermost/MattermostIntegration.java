package io.alertstream.config.receivers.mattermost;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.receivers.ReceiverParser;
import io.alertstream.config.yaml.YamlNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code mattermost_configs} as Alertmanager does: the webhook URL inline or from {@code
 * global.mattermost_webhook_url}, resolved alerts sent by default, default templates for username,
 * color, text, title, title link and fallback.
 */
public final class MattermostIntegration implements IntegrationType<MattermostConfig> {

  static final String GLOBAL_URL = "mattermost_webhook_url";

  /** The templated message settings, in the order Alertmanager's config lists them. */
  static final List<String> TEXTS =
      List.of(
          "channel",
          "username",
          "text",
          "fallback",
          "color",
          "pretext",
          "author_name",
          "author_link",
          "author_icon",
          "title",
          "title_link",
          "thumb_url",
          "footer",
          "footer_icon",
          "image_url",
          "icon_url",
          "icon_emoji",
          "type");

  /** The templated settings of a configured attachment. */
  static final List<String> ATTACHMENT_TEXTS =
      List.of(
          "fallback",
          "color",
          "pretext",
          "text",
          "author_name",
          "author_link",
          "author_icon",
          "title",
          "title_link",
          "thumb_url",
          "footer",
          "footer_icon",
          "image_url");

  /** Alertmanager's defaults. */
  public static final Map<String, String> DEFAULTS =
      Map.of(
          "username", template("mattermost.default.username"),
          "color", template("mattermost.default.color"),
          "text", template("mattermost.default.text"),
          "title", template("mattermost.default.title"),
          "title_link", template("mattermost.default.titlelink"),
          "fallback", template("mattermost.default.fallback"));

  @Override
  public String type() {
    return "mattermost";
  }

  @Override
  public Class<MattermostConfig> settingsType() {
    return MattermostConfig.class;
  }

  @Override
  public List<String> globalKeys() {
    return List.of(GLOBAL_URL, GLOBAL_URL + "_file");
  }

  @Override
  public boolean sendResolved(MattermostConfig settings) {
    return settings.sendResolved();
  }

  @Override
  public MattermostConfig parse(YamlNode node, Globals globals) throws InvalidConfigException {
    List<String> allowed = new ArrayList<>(TEXTS);
    allowed.addAll(
        List.of(
            "send_resolved",
            "http_config",
            "webhook_url",
            "webhook_url_file",
            "fields",
            "attachments",
            "props",
            "priority"));
    node.allowOnly(allowed.toArray(String[]::new));
    HttpClientConfig http = globals.httpConfig(node);
    ReceiverParser.exclusiveWithFile(node, "webhook_url");
    ReceiverParser.exclusiveWithFile(globals.node(), GLOBAL_URL);
    URI webhookUrl;
    String inline = node.string("webhook_url", "");
    if (!inline.isEmpty()) {
      webhookUrl = ReceiverParser.url(node.get("webhook_url"), inline);
    } else {
      webhookUrl = globals.url(GLOBAL_URL, null);
      if (webhookUrl == null) {
        throw node.error("missing webhook_url or webhook_url_file on mattermost_config");
      }
    }
    Map<String, String> texts = new LinkedHashMap<>(DEFAULTS);
    for (String key : TEXTS) {
      String value = node.string(key, null);
      if (value != null) {
        texts.put(key, value);
      }
    }
    YamlNode props = node.get("props");
    props.allowOnly("card");
    return new MattermostConfig(
        webhookUrl,
        node.bool("send_resolved", true),
        texts,
        fields(node.get("fields")),
        attachments(node.get("attachments")),
        props.string("card", ""),
        priority(node.get("priority")),
        http);
  }

  private static Optional<MattermostConfig.Priority> priority(YamlNode node)
      throws InvalidConfigException {
    node.allowOnly("priority", "requested_ack", "persistent_notifications");
    String priority = node.string("priority", "");
    if (priority.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new MattermostConfig.Priority(
            priority,
            node.bool("requested_ack", false),
            node.bool("persistent_notifications", false)));
  }

  private static List<MattermostConfig.Attachment> attachments(YamlNode list)
      throws InvalidConfigException {
    List<MattermostConfig.Attachment> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      List<String> allowed = new ArrayList<>(ATTACHMENT_TEXTS);
      allowed.add("fields");
      item.allowOnly(allowed.toArray(String[]::new));
      Map<String, String> texts = new LinkedHashMap<>();
      for (String key : ATTACHMENT_TEXTS) {
        texts.put(key, item.string(key, ""));
      }
      out.add(new MattermostConfig.Attachment(texts, fields(item.get("fields"))));
    }
    return out;
  }

  private static List<MattermostConfig.Field> fields(YamlNode list) throws InvalidConfigException {
    List<MattermostConfig.Field> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      item.allowOnly("title", "value", "short");
      String title = item.string("title", "");
      String value = item.string("value", "");
      if (title.isEmpty()) {
        throw item.error("missing title in Mattermost field configuration");
      }
      if (value.isEmpty()) {
        throw item.error("missing value in Mattermost field configuration");
      }
      out.add(
          new MattermostConfig.Field(
              title,
              value,
              item.get("short").isAbsent()
                  ? Optional.empty()
                  : Optional.of(item.bool("short", false))));
    }
    return out;
  }

  private static String template(String name) {
    return "{{ template \"" + name + "\" . }}";
  }
}
