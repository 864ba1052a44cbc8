package io.alertstream.config.receivers.incidentio;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.receivers.ReceiverParser;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.yaml.GoDurations;
import io.alertstream.config.yaml.YamlNode;

/**
 * Reads {@code incidentio_configs} as Alertmanager does: a URL, authentication by the alert source
 * token or the http_config's authorization (not both), resolved alerts sent by default, optional
 * max_alerts and timeout.
 */
public final class IncidentioIntegration implements IntegrationType<IncidentioConfig> {

  @Override
  public String type() {
    return "incidentio";
  }

  @Override
  public Class<IncidentioConfig> settingsType() {
    return IncidentioConfig.class;
  }

  @Override
  public boolean sendResolved(IncidentioConfig settings) {
    return settings.sendResolved();
  }

  @Override
  public IncidentioConfig parse(YamlNode node, Globals globals) throws InvalidConfigException {
    node.allowOnly(
        "send_resolved",
        "http_config",
        "url",
        "url_file",
        "alert_source_token",
        "alert_source_token_file",
        "max_alerts",
        "timeout");
    HttpClientConfig http = globals.httpConfig(node);
    if (node.get("url").isAbsent() && node.string("url_file", "").isEmpty()) {
      throw node.error("one of url or url_file must be configured");
    }
    ReceiverParser.exclusiveWithFile(node, "url");
    String url = node.string("url", "");
    ReceiverParser.exclusiveWithFile(node, "alert_source_token");
    String token = node.string("alert_source_token", "");
    YamlNode ownHttp = node.get("http_config");
    if (!ownHttp.isAbsent()) {
      boolean authorization =
          !ownHttp.get("authorization").isAbsent() || !ownHttp.get("bearer_token").isAbsent();
      if (authorization && !token.isEmpty()) {
        throw node.error(
            "cannot specify alert_source_token or alert_source_token_file when using"
                + " http_config.authorization");
      }
      if (!authorization && token.isEmpty()) {
        throw node.error(
            "at least one of alert_source_token, alert_source_token_file or"
                + " http_config.authorization must be configured");
      }
    }
    int maxAlerts = node.integer("max_alerts", 0);
    if (maxAlerts < 0) {
      throw node.get("max_alerts").error("cannot unmarshal !!int `" + maxAlerts + "` into uint64");
    }
    if (!token.isEmpty()) {
      http = http.withAuthorization(new Secret("Bearer " + token));
    }
    YamlNode timeout = node.get("timeout");
    if (!timeout.isAbsent()) {
      http = http.withTimeout(GoDurations.parse(timeout));
    }
    return new IncidentioConfig(
        ReceiverParser.url(node.get("url"), url),
        node.bool("send_resolved", true),
        maxAlerts,
        http);
  }
}
