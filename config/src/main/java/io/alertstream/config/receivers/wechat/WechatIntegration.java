package io.alertstream.config.receivers.wechat;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.receivers.ReceiverParser;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.yaml.YamlNode;
import java.net.URI;
import java.util.List;

/**
 * Reads {@code wechat_configs} entries as Alertmanager does: its defaults, the global secret, corp
 * id and URL as fallbacks, and its check of the message type.
 */
public final class WechatIntegration implements IntegrationType<WechatConfig> {

  /** Alertmanager's default {@code wechat_api_url}. */
  public static final URI DEFAULT_API_URL = URI.create("https://qyapi.weixin.qq.com/cgi-bin/");

  static final String MESSAGE_TYPES = "^(text|markdown)$";

  @Override
  public String type() {
    return "wechat";
  }

  @Override
  public Class<WechatConfig> settingsType() {
    return WechatConfig.class;
  }

  @Override
  public List<String> globalKeys() {
    return List.of(
        "wechat_api_url", "wechat_api_secret", "wechat_api_secret_file", "wechat_api_corp_id");
  }

  @Override
  public boolean sendResolved(WechatConfig settings) {
    return settings.sendResolved();
  }

  @Override
  public WechatConfig parse(YamlNode node, Globals globals) throws InvalidConfigException {
    node.allowOnly(
        "send_resolved",
        "http_config",
        "api_secret",
        "api_secret_file",
        "corp_id",
        "message",
        "api_url",
        "to_user",
        "to_party",
        "to_tag",
        "agent_id",
        "message_type");
    HttpClientConfig http = globals.httpConfig(node);
    String messageType = node.string("message_type", "");
    if (messageType.isEmpty()) {
      messageType = "text";
    }
    if (!messageType.matches(MESSAGE_TYPES)) {
      throw node.get("message_type")
          .error(
              "weChat message type \""
                  + messageType
                  + "\" does not match valid options "
                  + MESSAGE_TYPES);
    }
    ReceiverParser.exclusiveWithFile(node, "api_secret");
    String apiUrlText = node.string("api_url", "");
    URI apiUrl =
        apiUrlText.isEmpty()
            ? globals.url("wechat_api_url", DEFAULT_API_URL)
            : ReceiverParser.url(node.get("api_url"), apiUrlText);
    String secret = node.string("api_secret", "");
    if (secret.isEmpty()) {
      secret = globals.secret("wechat_api_secret").value();
    }
    if (secret.isEmpty()) {
      throw node.error("no global Wechat Api Secret set either inline or in a file");
    }
    String corpId = node.string("corp_id", "");
    if (corpId.isEmpty()) {
      corpId = globals.string("wechat_api_corp_id", "");
    }
    if (corpId.isEmpty()) {
      throw node.error("no global Wechat CorpID set");
    }
    return new WechatConfig(
        new Secret(secret),
        corpId,
        ReceiverParser.withTrailingSlash(apiUrl),
        node.bool("send_resolved", false),
        node.string("message", "{{ template \"wechat.default.message\" . }}"),
        node.string("to_user", "{{ template \"wechat.default.to_user\" . }}"),
        node.string("to_party", "{{ template \"wechat.default.to_party\" . }}"),
        node.string("to_tag", "{{ template \"wechat.default.to_tag\" . }}"),
        node.string("agent_id", "{{ template \"wechat.default.agent_id\" . }}"),
        messageType,
        http);
  }
}
