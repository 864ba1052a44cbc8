package io.alertstream.config.receivers.msteamsv2;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.receivers.ReceiverParser;
import io.alertstream.config.yaml.YamlNode;

/** Reads {@code msteamsv2_configs} entries as Alertmanager does. */
public final class Msteamsv2Integration implements IntegrationType<Msteamsv2Config> {

  @Override
  public String type() {
    return "msteamsv2";
  }

  @Override
  public Class<Msteamsv2Config> settingsType() {
    return Msteamsv2Config.class;
  }

  @Override
  public Msteamsv2Config parse(YamlNode node, Globals globals) throws InvalidConfigException {
    node.allowOnly(
        "send_resolved", "http_config", "webhook_url", "webhook_url_file", "title", "text");
    ReceiverParser.exclusiveWithFile(node, "webhook_url");
    String webhookUrl = node.string("webhook_url", "");
    if (webhookUrl.isEmpty()) {
      throw node.error("one of webhook_url or webhook_url_file must be configured");
    }
    return new Msteamsv2Config(
        ReceiverParser.url(node.get("webhook_url"), webhookUrl),
        node.bool("send_resolved", true),
        node.string("title", Msteamsv2Config.DEFAULT_TITLE),
        node.string("text", Msteamsv2Config.DEFAULT_TEXT),
        httpConfig(node, globals));
  }

  /**
   * The entry's http_config, or the global one; an entry's own that names no proxy takes the global
   * proxy (Alertmanager does this for this type only).
   */
  private static HttpClientConfig httpConfig(YamlNode node, Globals globals)
      throws InvalidConfigException {
    HttpClientConfig http = globals.httpConfig(node);
    HttpClientConfig global = globals.config().httpConfig();
    if (node.get("http_config").isAbsent() || http.proxyUrl().isPresent()) {
      return http;
    }
    return new HttpClientConfig(
        global.proxyUrl(),
        http.authorization(),
        http.tls(),
        http.followRedirects(),
        http.enableHttp2(),
        http.noProxy(),
        http.headers(),
        http.timeout());
  }

  @Override
  public boolean sendResolved(Msteamsv2Config settings) {
    return settings.sendResolved();
  }
}
