package io.alertstream.config.receivers.webex;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.receivers.ReceiverParser;
import io.alertstream.config.yaml.YamlNode;
import java.util.List;

/**
 * Reads {@code webex_configs} entries as Alertmanager does: a room and the entry's own http_config
 * authorization are required; the API URL falls back to the global {@code webex_api_url}.
 */
public final class WebexIntegration implements IntegrationType<WebexConfig> {

  @Override
  public String type() {
    return "webex";
  }

  @Override
  public Class<WebexConfig> settingsType() {
    return WebexConfig.class;
  }

  @Override
  public List<String> globalKeys() {
    return List.of("webex_api_url");
  }

  @Override
  public WebexConfig parse(YamlNode node, Globals globals) throws InvalidConfigException {
    node.allowOnly("send_resolved", "http_config", "api_url", "message", "room_id");
    HttpClientConfig httpConfig = globals.httpConfig(node);
    String roomId = node.string("room_id", "");
    if (roomId.isEmpty()) {
      throw node.error("missing room_id on webex_config");
    }
    YamlNode http = node.get("http_config");
    // Alertmanager looks at the entry's own http_config, where a bearer_token counts as one.
    if (http.get("authorization").isAbsent() && http.string("bearer_token", "").isEmpty()) {
      throw node.error("missing webex_configs.http_config.authorization");
    }
    String apiUrl = node.string("api_url", "");
    return new WebexConfig(
        apiUrl.isEmpty()
            ? globals.url("webex_api_url", WebexConfig.DEFAULT_API_URL)
            : ReceiverParser.url(node.get("api_url"), apiUrl),
        roomId,
        node.string("message", WebexConfig.DEFAULT_MESSAGE),
        node.bool("send_resolved", true),
        httpConfig);
  }

  @Override
  public boolean sendResolved(WebexConfig settings) {
    return settings.sendResolved();
  }
}
