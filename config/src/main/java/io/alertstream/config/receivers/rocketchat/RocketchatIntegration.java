package io.alertstream.config.receivers.rocketchat;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.receivers.ReceiverParser;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.yaml.YamlNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code rocketchat_configs} as Alertmanager does: server, token and token id inline or from
 * {@code global.rocketchat_*}, resolved alerts not sent by default, default templates for title,
 * link, text, emoji and icon.
 */
public final class RocketchatIntegration implements IntegrationType<RocketchatConfig> {

  /** Alertmanager's default server. */
  public static final URI DEFAULT_API_URL = URI.create("https://open.rocket.chat/");

  static final List<String> TEXTS =
      List.of(
          "channel",
          "color",
          "title",
          "title_link",
          "text",
          "emoji",
          "icon_url",
          "image_url",
          "thumb_url");

  /** Alertmanager's defaults. */
  public static final Map<String, String> DEFAULTS =
      Map.of(
          "color", "{{ if eq .Status \"firing\" }}red{{ else }}green{{ end }}",
          "emoji", template("rocketchat.default.emoji"),
          "icon_url", template("rocketchat.default.iconurl"),
          "text", template("rocketchat.default.text"),
          "title", template("rocketchat.default.title"),
          "title_link", template("rocketchat.default.titlelink"));

  @Override
  public String type() {
    return "rocketchat";
  }

  @Override
  public Class<RocketchatConfig> settingsType() {
    return RocketchatConfig.class;
  }

  @Override
  public List<String> globalKeys() {
    return List.of(
        "rocketchat_api_url",
        "rocketchat_token",
        "rocketchat_token_file",
        "rocketchat_token_id",
        "rocketchat_token_id_file");
  }

  @Override
  public boolean sendResolved(RocketchatConfig settings) {
    return settings.sendResolved();
  }

  @Override
  public RocketchatConfig parse(YamlNode node, Globals globals) throws InvalidConfigException {
    List<String> allowed = new ArrayList<>(TEXTS);
    allowed.addAll(
        List.of(
            "send_resolved",
            "http_config",
            "api_url",
            "token",
            "token_file",
            "token_id",
            "token_id_file",
            "fields",
            "short_fields",
            "link_names",
            "actions"));
    node.allowOnly(allowed.toArray(String[]::new));
    HttpClientConfig http = globals.httpConfig(node);
    ReceiverParser.exclusiveWithFile(node, "token");
    ReceiverParser.exclusiveWithFile(node, "token_id");
    String apiUrl = node.string("api_url", "");
    URI url =
        apiUrl.isEmpty()
            ? globals.url("rocketchat_api_url", DEFAULT_API_URL)
            : ReceiverParser.url(node.get("api_url"), apiUrl);
    Secret globalToken = globals.secret("rocketchat_token");
    Secret globalTokenId = globals.secret("rocketchat_token_id");
    Secret tokenId = orGlobal(node, "token_id", globalTokenId);
    if (tokenId.isEmpty()) {
      throw node.error("no global Rocketchat TokenID set either inline or in a file");
    }
    Secret token = orGlobal(node, "token", globalToken);
    if (token.isEmpty()) {
      throw node.error("no global Rocketchat Token set either inline or in a file");
    }
    Map<String, String> texts = new LinkedHashMap<>(DEFAULTS);
    for (String key : TEXTS) {
      String value = node.string(key, null);
      if (value != null) {
        texts.put(key, value);
      }
    }
    return new RocketchatConfig(
        url,
        tokenId,
        token,
        node.bool("send_resolved", false),
        texts,
        fields(node.get("fields")),
        node.bool("short_fields", false),
        node.bool("link_names", false),
        actions(node.get("actions")),
        http);
  }

  private static Secret orGlobal(YamlNode node, String key, Secret global)
      throws InvalidConfigException {
    String inline = node.string(key, "");
    return inline.isEmpty() ? global : new Secret(inline);
  }

  private static List<RocketchatConfig.Field> fields(YamlNode list) throws InvalidConfigException {
    List<RocketchatConfig.Field> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      item.allowOnly("title", "value", "short");
      out.add(
          new RocketchatConfig.Field(
              item.string("title", ""),
              item.string("value", ""),
              item.get("short").isAbsent()
                  ? Optional.empty()
                  : Optional.of(item.bool("short", false))));
    }
    return out;
  }

  /**
   * Alertmanager reads an action's keys by its Go field names in lower case ({@code imageurl},
   * {@code iswebview}, ...) and sends only text, url and msg.
   */
  private static List<RocketchatConfig.Action> actions(YamlNode list)
      throws InvalidConfigException {
    List<RocketchatConfig.Action> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      item.allowOnly(
          "type",
          "text",
          "url",
          "imageurl",
          "iswebview",
          "webviewheightratio",
          "msg",
          "msginchatwindow",
          "msgprocessingtype");
      item.bool("iswebview", false);
      item.bool("msginchatwindow", false);
      out.add(
          new RocketchatConfig.Action(
              item.string("text", ""), item.string("url", ""), item.string("msg", "")));
    }
    return out;
  }

  private static String template(String name) {
    return "{{ template \"" + name + "\" . }}";
  }
}
