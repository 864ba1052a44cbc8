package io.alertstream.config.receivers.discord;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.receivers.ReceiverParser;
import io.alertstream.config.yaml.YamlNode;

/** Reads {@code discord_configs} entries as Alertmanager does. */
public final class DiscordIntegration implements IntegrationType<DiscordConfig> {

  @Override
  public String type() {
    return "discord";
  }

  @Override
  public Class<DiscordConfig> settingsType() {
    return DiscordConfig.class;
  }

  @Override
  public DiscordConfig parse(YamlNode node, Globals globals) throws InvalidConfigException {
    node.allowOnly(
        "send_resolved",
        "http_config",
        "webhook_url",
        "webhook_url_file",
        "content",
        "title",
        "message",
        "username",
        "avatar_url");
    ReceiverParser.exclusiveWithFile(node, "webhook_url");
    String webhookUrl = node.string("webhook_url", "");
    if (webhookUrl.isEmpty()) {
      throw node.error("one of webhook_url or webhook_url_file must be configured");
    }
    return new DiscordConfig(
        ReceiverParser.url(node.get("webhook_url"), webhookUrl),
        node.bool("send_resolved", true),
        node.string("title", DiscordConfig.DEFAULT_TITLE),
        node.string("message", DiscordConfig.DEFAULT_MESSAGE),
        node.string("content", ""),
        node.string("username", ""),
        node.string("avatar_url", ""),
        globals.httpConfig(node));
  }

  @Override
  public boolean sendResolved(DiscordConfig settings) {
    return settings.sendResolved();
  }
}
