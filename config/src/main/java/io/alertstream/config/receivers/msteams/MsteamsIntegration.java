package io.alertstream.config.receivers.msteams;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.receivers.ReceiverParser;
import io.alertstream.config.yaml.YamlNode;

/** Reads {@code msteams_configs} entries as Alertmanager does. */
public final class MsteamsIntegration implements IntegrationType<MsteamsConfig> {

  @Override
  public String type() {
    return "msteams";
  }

  @Override
  public Class<MsteamsConfig> settingsType() {
    return MsteamsConfig.class;
  }

  @Override
  public MsteamsConfig parse(YamlNode node, Globals globals) throws InvalidConfigException {
    node.allowOnly(
        "send_resolved",
        "http_config",
        "webhook_url",
        "webhook_url_file",
        "title",
        "summary",
        "text");
    ReceiverParser.exclusiveWithFile(node, "webhook_url");
    String webhookUrl = node.string("webhook_url", "");
    if (webhookUrl.isEmpty()) {
      throw node.error("one of webhook_url or webhook_url_file must be configured");
    }
    return new MsteamsConfig(
        ReceiverParser.url(node.get("webhook_url"), webhookUrl),
        node.bool("send_resolved", true),
        node.string("title", MsteamsConfig.DEFAULT_TITLE),
        node.string("summary", MsteamsConfig.DEFAULT_SUMMARY),
        node.string("text", MsteamsConfig.DEFAULT_TEXT),
        globals.httpConfig(node));
  }

  @Override
  public boolean sendResolved(MsteamsConfig settings) {
    return settings.sendResolved();
  }
}
