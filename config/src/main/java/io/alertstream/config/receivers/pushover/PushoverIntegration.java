package io.alertstream.config.receivers.pushover;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.receivers.ReceiverParser;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.yaml.GoDurations;
import io.alertstream.config.yaml.YamlNode;
import java.time.Duration;

/** Reads {@code pushover_configs} entries as Alertmanager does: its defaults and checks. */
public final class PushoverIntegration implements IntegrationType<PushoverConfig> {

  /** Emergency priority while firing, normal once resolved. */
  public static final String DEFAULT_PRIORITY =
      "{{ if eq .Status \"firing\" }}2{{ else }}0{{ end }}";

  @Override
  public String type() {
    return "pushover";
  }

  @Override
  public Class<PushoverConfig> settingsType() {
    return PushoverConfig.class;
  }

  @Override
  public boolean sendResolved(PushoverConfig settings) {
    return settings.sendResolved();
  }

  @Override
  public PushoverConfig parse(YamlNode node, Globals globals) throws InvalidConfigException {
    node.allowOnly(
        "send_resolved",
        "http_config",
        "user_key",
        "user_key_file",
        "token",
        "token_file",
        "title",
        "message",
        "url",
        "url_title",
        "device",
        "sound",
        "priority",
        "retry",
        "expire",
        "ttl",
        "html",
        "monospace");
    HttpClientConfig http = globals.httpConfig(node);
    Duration retry = GoDurations.parse(node.get("retry"), Duration.ofMinutes(1));
    Duration expire = GoDurations.parse(node.get("expire"), Duration.ofHours(1));
    Duration ttl = GoDurations.parse(node.get("ttl"), Duration.ZERO);
    ReceiverParser.exclusiveWithFile(node, "user_key");
    String userKey = node.string("user_key", "");
    if (userKey.isEmpty()) {
      throw node.error("one of user_key or user_key_file must be configured");
    }
    ReceiverParser.exclusiveWithFile(node, "token");
    String token = node.string("token", "");
    if (token.isEmpty()) {
      throw node.error("one of token or token_file must be configured");
    }
    boolean html = node.bool("html", false);
    boolean monospace = node.bool("monospace", false);
    if (html && monospace) {
      throw node.error("at most one of monospace & html must be configured");
    }
    return new PushoverConfig(
        new Secret(userKey),
        new Secret(token),
        node.bool("send_resolved", true),
        node.string("title", "{{ template \"pushover.default.title\" . }}"),
        node.string("message", "{{ template \"pushover.default.message\" . }}"),
        node.string("url", "{{ template \"pushover.default.url\" . }}"),
        node.string("url_title", ""),
        node.string("device", ""),
        node.string("sound", ""),
        node.string("priority", DEFAULT_PRIORITY),
        retry,
        expire,
        ttl,
        html,
        monospace,
        http);
  }
}
